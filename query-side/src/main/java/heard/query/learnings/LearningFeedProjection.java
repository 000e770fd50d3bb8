package heard.query.learnings;

import heard.events.LearningPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The public "you said, we did" feed of each initiative.
 * <p>
 * A learning's row is its own mark: its id is the learning's, and it is written by the one event that publishes it,
 * from that event alone, so a redelivered event writes the same row with the same values, and the processing
 * group keeps no {@code applied_event} mark. It is written through JPA, event by event: an initiative publishes a
 * learning now and then, not one per feedback, so a batch would save a statement or two a learning.
 */
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
