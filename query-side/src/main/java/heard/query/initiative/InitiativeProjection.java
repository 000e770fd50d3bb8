package heard.query.initiative;

import heard.events.FeedbackSubmitted;
import heard.events.InitiativeLaunched;
import heard.events.LearningPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Initiative summaries. Counts are safe to increment: the processor's token commits in the
 * same transaction, so an event is applied once or rolled back with its token.
 */
@Component
@ProcessingGroup("initiatives")
class InitiativeProjection {
    private final InitiativeViews views;

    InitiativeProjection(InitiativeViews views) {
        this.views = views;
    }

    /** Before a replay: forget everything, so the events rebuild it from the start. */
    @ResetHandler
    void reset() {
        views.deleteAllInBatch();
    }

    @EventHandler
    void on(InitiativeLaunched e) {
        if (!views.existsById(e.initiativeId())) {
            views.save(new InitiativeView(e.initiativeId(), e.title(), e.guidingQuestion(), e.stakeholderGroups(),
                    e.languages(), e.acknowledgeWithinHours(), e.at(), e.actor()));
        }
    }

    @EventHandler
    void on(FeedbackSubmitted e) {
        views.findById(e.initiativeId()).ifPresent(InitiativeView::countFeedback);
    }

    @EventHandler
    void on(LearningPublished e) {
        views.findById(e.initiativeId()).ifPresent(InitiativeView::countLearning);
    }
}
