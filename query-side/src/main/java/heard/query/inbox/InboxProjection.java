package heard.query.inbox;

import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.ParticipantForgotten;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** The facilitator's inbox: what came in, what is owed an answer, what is overdue. */
@Component
@ProcessingGroup("inbox")
class InboxProjection {
    private final InboxItems items;

    InboxProjection(InboxItems items) {
        this.items = items;
    }

    @ResetHandler
    void reset() {
        items.deleteAllInBatch();
    }

    @EventHandler
    void on(FeedbackSubmitted e) {
        if (items.findById(e.feedbackId()).isEmpty()) {
            items.save(new InboxItem(e.feedbackId(), e.initiativeId(), e.text(), e.channel(), e.language(),
                    e.stakeholderGroup(), e.followUpConsent() ? e.contact() : null, e.actor(), e.at(),
                    e.acknowledgeBy()));
        }
    }

    @EventHandler
    void on(FeedbackAcknowledged e) {
        update(e.feedbackId(), item -> item.acknowledged(e.at(), e.actor()));
    }

    @EventHandler
    void on(UnderstandingSummarized e) {
        update(e.feedbackId(), item -> item.summarized(e.summary(), e.actor()));
    }

    @EventHandler
    void on(UnderstandingConfirmed e) {
        update(e.feedbackId(), InboxItem::confirmed);
    }

    @EventHandler
    void on(UnderstandingCorrected e) {
        update(e.feedbackId(), item -> item.corrected(e.correction()));
    }

    @EventHandler
    void on(FeedbackThemed e) {
        update(e.feedbackId(), item -> item.themed(e.themes(), e.actor()));
    }

    @EventHandler
    void on(ParticipantForgotten e) {
        update(e.feedbackId(), item -> item.forget(e.at()));
    }

    @EventHandler
    void on(FeedbackLoopClosed e) {
        update(e.feedbackId(), item -> item.loopClosed(e.at()));
    }

    private void update(String feedbackId, Consumer<InboxItem> change) {
        items.findById(feedbackId).ifPresent(change);
    }
}
