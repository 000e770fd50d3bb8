package heard.query.inbox;

import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.ParticipantForgotten;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import heard.query.batching.TransactionBound;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facilitator's inbox: what came in, what is owed an answer, what is overdue.
 * <p>
 * The events of a transaction (a processor's batch) are gathered in memory and written once, just before it
 * commits: the rows they touch are read in one {@code in (...)} query, the events are folded into them in order,
 * and what changed is written as one batched statement per kind (see {@link InboxRows}). A write that fails
 * fails the commit, and the batch is applied again one event per transaction, so the event that cannot be
 * stored is parked alone.
 * <p>
 * <b>Each event applies once, without a row per event.</b> A row holds the sequence number of the last event of
 * its feedback applied to it ({@code last_sequence}); an event of the feedback at or below it is a redelivery
 * (Kafka delivers at least once, also at a new offset) and changes nothing, and a submission met again leaves
 * its row as it is, so a status never goes back. So the inbox writes no {@code applied_event} marks.
 */
@Component
@ProcessingGroup(InboxProjection.GROUP)
class InboxProjection {
    static final String GROUP = "inbox";

    private final JdbcTemplate db;
    private final TransactionBound<InboxBatch> batches;

    InboxProjection(JdbcTemplate db) {
        this.db = db;
        this.batches = new TransactionBound<>(InboxBatch::new, new InboxRows(db)::write);
    }

    @ResetHandler
    void reset() {
        batches.discard();
        db.update("delete from inbox_item");
    }

    @EventHandler
    void on(FeedbackSubmitted e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.change(e.feedbackId(), fold -> fold.submitted(e, sequence)));
    }

    @EventHandler
    void on(FeedbackAcknowledged e, @SequenceNumber long sequence) {
        moved(e.feedbackId(), sequence, item -> item.acknowledged(e.at(), e.actor()));
    }

    @EventHandler
    void on(UnderstandingSummarized e, @SequenceNumber long sequence) {
        moved(e.feedbackId(), sequence, item -> item.summarized(e.summary(), e.actor()));
    }

    @EventHandler
    void on(UnderstandingConfirmed e, @SequenceNumber long sequence) {
        moved(e.feedbackId(), sequence, InboxFold.Item::confirmed);
    }

    @EventHandler
    void on(UnderstandingCorrected e, @SequenceNumber long sequence) {
        moved(e.feedbackId(), sequence, item -> item.corrected(e.correction()));
    }

    @EventHandler
    void on(FeedbackThemed e, @SequenceNumber long sequence) {
        moved(e.feedbackId(), sequence, item -> item.themed(e.themes(), e.actor()));
    }

    /** Their words and contact go; their place in the loop stays. */
    @EventHandler
    void on(ParticipantForgotten e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.change(e.feedbackId(),
                fold -> fold.forgotten(e.feedbackId(), sequence, e.at())));
    }

    @EventHandler
    void on(FeedbackLoopClosed e, @SequenceNumber long sequence) {
        moved(e.feedbackId(), sequence, item -> item.loopClosed(e.at()));
    }

    private void moved(String feedbackId, long sequence, Consumer<InboxFold.Item> change) {
        batches.change(batch -> batch.change(feedbackId, fold -> fold.moved(feedbackId, sequence, change)));
    }
}
