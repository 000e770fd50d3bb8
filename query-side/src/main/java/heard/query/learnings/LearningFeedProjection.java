package heard.query.learnings;

import heard.events.LearningPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** The public "you said, we did" feed of each initiative. */
@Component
@ProcessingGroup("learning-feed")
class LearningFeedProjection {
    private final PublishedLearnings learnings;

    LearningFeedProjection(PublishedLearnings learnings) {
        this.learnings = learnings;
    }

    @ResetHandler
    void reset() {
        learnings.deleteAllInBatch();
    }

    @EventHandler
    void on(LearningPublished e) {
        learnings.save(new PublishedLearning(e.learningId(), e.initiativeId(), e.title(), e.whatWeHeard(),
                e.whatWeDecided(), e.whatWeLearned(), e.whatsNext(), e.decisionIds(), e.feedbackIds().size(), e.at(),
                e.actor()));
    }
}
