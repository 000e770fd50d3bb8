package heard.query.receipt;

import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionProposed;
import heard.events.DecisionRevised;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackStatus;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.LearningPublished;
import heard.events.ParticipantForgotten;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import heard.query.batching.TransactionBound;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The returned-learning feed: each participant's own feedback and every step of its loop.
 * <p>
 * The events of a transaction (a processor's batch) are gathered in memory and written once, just before it
 * commits: the rows they touch are read once (one {@code in (...)} query per table), the events are folded into
 * them in order, and what changed is written as one batched statement per kind (see {@link ReceiptRows}). A
 * write that fails fails the commit, and the batch is applied again one event per transaction, so the event
 * that cannot be stored is parked alone.
 * <p>
 * <b>Each event applies once, without a row per event.</b> A receipt's row holds the sequence number of the last
 * event of its feedback applied to it ({@code last_sequence}); an event of the feedback at or below it is a
 * redelivery (Kafka delivers at least once, also at a new offset) and changes nothing, so a status never goes
 * back. Every step's id comes from the event that makes it (feedback and sequence, learning and feedback,
 * decision, sequence and feedback), and a step already stored is not made again; a decision's title is kept
 * once. So this feed writes no {@code applied_event} marks.
 */
@Component
@ProcessingGroup(ReturnedLearningProjection.GROUP)
class ReturnedLearningProjection {
    static final String GROUP = "returned-learning";
    private static final List<String> TABLES = List.of("receipt_view", "receipt_step", "receipt_decision");

    private final JdbcTemplate db;
    private final TransactionBound<ReceiptBatch> batches;

    ReturnedLearningProjection(JdbcTemplate db) {
        this.db = db;
        this.batches = new TransactionBound<>(ReceiptBatch::new, new ReceiptRows(db)::write);
    }

    @ResetHandler
    void reset() {
        batches.discard();
        TABLES.forEach(table -> db.update("delete from " + table));
    }

    @EventHandler
    void on(FeedbackSubmitted e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.submission(e.feedbackId(), fold -> fold.submitted(e, sequence)));
    }

    @EventHandler
    void on(FeedbackAcknowledged e, @SequenceNumber long sequence) {
        step(e.feedbackId(), sequence, FeedbackStatus.ACKNOWLEDGED, new ReceiptFold.Step(e.feedbackId(), e.at(),
                StepKind.ACKNOWLEDGED, e.message()));
    }

    @EventHandler
    void on(UnderstandingSummarized e, @SequenceNumber long sequence) {
        step(e.feedbackId(), sequence, FeedbackStatus.UNDERSTANDING_SUMMARIZED, new ReceiptFold.Step(e.feedbackId(),
                e.at(), StepKind.UNDERSTANDING_SUMMARIZED, e.summary()));
    }

    @EventHandler
    void on(UnderstandingConfirmed e, @SequenceNumber long sequence) {
        step(e.feedbackId(), sequence, FeedbackStatus.CONFIRMED, new ReceiptFold.Step(e.feedbackId(), e.at(),
                StepKind.UNDERSTANDING_CONFIRMED, null));
    }

    @EventHandler
    void on(UnderstandingCorrected e, @SequenceNumber long sequence) {
        step(e.feedbackId(), sequence, FeedbackStatus.CORRECTED, new ReceiptFold.Step(e.feedbackId(), e.at(),
                StepKind.UNDERSTANDING_CORRECTED, e.correction()));
    }

    @EventHandler
    void on(FeedbackThemed e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.feedback(e.feedbackId(), sequence, fold -> fold.themed(e, sequence)));
    }

    @EventHandler
    void on(LearningPublished e) {
        batches.change(batch -> batch.learning(e));
    }

    /** Each piece of feedback named as evidence of a new decision informed its first version. */
    @EventHandler
    void on(DecisionProposed e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.decision(e.decisionId(), sequence, e.evidence(), fold -> {
            fold.titled(e.decisionId(), e.title());
            fold.decisionSteps(e.decisionId(), sequence, e.evidence(), e.at(), StepKind.DECISION_INFORMED, null, 1);
        }));
    }

    @EventHandler
    void on(DecisionEvidenceLinked e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.decision(e.decisionId(), sequence, e.feedbackIds(), fold -> fold.decisionSteps(
                e.decisionId(), sequence, e.feedbackIds(), e.at(), StepKind.DECISION_INFORMED, null, e.version())));
    }

    /** The feedback that moved a decision sees the version it made, and why. */
    @EventHandler
    void on(DecisionRevised e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.decision(e.decisionId(), sequence, e.triggeredBy(), fold -> fold.decisionSteps(
                e.decisionId(), sequence, e.triggeredBy(), e.at(), StepKind.DECISION_REVISED, e.rationale(),
                e.version())));
    }

    @EventHandler
    void on(FeedbackLoopClosed e, @SequenceNumber long sequence) {
        ReceiptFold.Step closed = new ReceiptFold.Step(e.feedbackId(), e.at(), StepKind.LOOP_CLOSED, null);
        closed.learningId = e.learningId();
        step(e.feedbackId(), sequence, FeedbackStatus.LOOP_CLOSED, closed);
    }

    /** Their words go from the view and the timeline; the steps themselves, and what they counted for, stay. */
    @EventHandler
    void on(ParticipantForgotten e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.feedback(e.feedbackId(), sequence, fold -> fold.forgotten(e, sequence)));
    }

    private void step(String feedbackId, long sequence, FeedbackStatus status, ReceiptFold.Step step) {
        batches.change(batch -> batch.feedback(feedbackId, sequence, fold -> fold.moved(sequence, status, step)));
    }
}
