package heard.query.returned;

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
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** The returned-learning feed: each participant's own feedback and every step of its loop. */
@Component
@ProcessingGroup("returned-learning")
class ReturnedLearningProjection {
    private final ReceiptViews receipts;
    private final ReceiptSteps steps;
    private final ReceiptDecisions decisions;

    ReturnedLearningProjection(ReceiptViews receipts, ReceiptSteps steps, ReceiptDecisions decisions) {
        this.receipts = receipts;
        this.steps = steps;
        this.decisions = decisions;
    }

    /** Before a replay: forget everything, so the events rebuild it from the start. */
    @ResetHandler
    void reset() {
        receipts.deleteAllInBatch();
        steps.deleteAllInBatch();
        decisions.deleteAllInBatch();
    }

    /** A redelivered submission must not overwrite the view, which would set its status and themes back. */
    @EventHandler
    void on(FeedbackSubmitted e, @SequenceNumber long sequence) {
        if (receipts.findById(e.feedbackId()).isEmpty()) {
            receipts.save(new ReceiptView(e.feedbackId(), e.receiptTokenHash(), e.initiativeId(), e.text(),
                    e.channel(), e.language(), e.stakeholderGroup(), e.at(), e.acknowledgeBy()));
        }
        step(e.feedbackId(), sequence, e.at(), StepKind.SUBMITTED, null);
    }

    @EventHandler
    void on(FeedbackAcknowledged e, @SequenceNumber long sequence) {
        advance(e.feedbackId(), FeedbackStatus.ACKNOWLEDGED);
        step(e.feedbackId(), sequence, e.at(), StepKind.ACKNOWLEDGED, e.message());
    }

    @EventHandler
    void on(UnderstandingSummarized e, @SequenceNumber long sequence) {
        advance(e.feedbackId(), FeedbackStatus.UNDERSTANDING_SUMMARIZED);
        step(e.feedbackId(), sequence, e.at(), StepKind.UNDERSTANDING_SUMMARIZED, e.summary());
    }

    @EventHandler
    void on(UnderstandingConfirmed e, @SequenceNumber long sequence) {
        advance(e.feedbackId(), FeedbackStatus.CONFIRMED);
        step(e.feedbackId(), sequence, e.at(), StepKind.UNDERSTANDING_CONFIRMED, null);
    }

    @EventHandler
    void on(UnderstandingCorrected e, @SequenceNumber long sequence) {
        advance(e.feedbackId(), FeedbackStatus.CORRECTED);
        step(e.feedbackId(), sequence, e.at(), StepKind.UNDERSTANDING_CORRECTED, e.correction());
    }

    @EventHandler
    void on(FeedbackThemed e, @SequenceNumber long sequence) {
        receipts.findById(e.feedbackId()).ifPresent(r -> r.addThemes(e.themes()));
        steps.save(new ReceiptStep(e.feedbackId() + ":" + sequence, e.feedbackId(), e.at(), StepKind.THEMED, null,
                e.themes(), null, null));
    }

    @EventHandler
    void on(LearningPublished e) {
        for (String feedbackId : e.feedbackIds()) {
            steps.save(new ReceiptStep(e.learningId() + ":" + feedbackId, feedbackId, e.at(),
                    StepKind.LEARNING_PUBLISHED, e.whatWeDecided(), List.of(), e.learningId(), e.title()));
        }
    }

    /** Each piece of feedback named as evidence of a new decision informed its first version. */
    @EventHandler
    void on(DecisionProposed e, @SequenceNumber long sequence) {
        decisions.save(new ReceiptDecision(e.decisionId(), e.title()));
        decisionSteps(e.decisionId(), sequence, e.evidence(), e.at(), StepKind.DECISION_INFORMED, null, 1);
    }

    @EventHandler
    void on(DecisionEvidenceLinked e, @SequenceNumber long sequence) {
        decisionSteps(e.decisionId(), sequence, e.feedbackIds(), e.at(), StepKind.DECISION_INFORMED, null,
                e.version());
    }

    /** The feedback that moved a decision sees the version it made, and why. */
    @EventHandler
    void on(DecisionRevised e, @SequenceNumber long sequence) {
        decisionSteps(e.decisionId(), sequence, e.triggeredBy(), e.at(), StepKind.DECISION_REVISED, e.rationale(),
                e.version());
    }

    @EventHandler
    void on(FeedbackLoopClosed e, @SequenceNumber long sequence) {
        advance(e.feedbackId(), FeedbackStatus.LOOP_CLOSED);
        steps.save(new ReceiptStep(e.feedbackId() + ":" + sequence, e.feedbackId(), e.at(), StepKind.LOOP_CLOSED,
                null, List.of(), e.learningId(), null));
    }

    /** Their words go from the view and the timeline; the steps themselves, and what they counted for, stay. */
    @EventHandler
    void on(ParticipantForgotten e, @SequenceNumber long sequence) {
        receipts.findById(e.feedbackId()).ifPresent(r -> r.forget(e.at()));
        steps.findByFeedbackId(e.feedbackId()).forEach(ReceiptStep::forgetPersonalText);
        step(e.feedbackId(), sequence, e.at(), StepKind.FORGOTTEN, null);
    }

    /** The decision's events come in their order, so its title is known by the time a revision or link arrives. */
    private void decisionSteps(String decisionId, long sequence, List<String> feedbackIds, Instant at, StepKind kind,
            String text, int version) {
        if (feedbackIds == null || feedbackIds.isEmpty()) {
            return;
        }
        String title = decisions.findById(decisionId).map(ReceiptDecision::title).orElse(null);
        for (String feedbackId : feedbackIds.stream().distinct().toList()) {
            steps.save(ReceiptStep.decision(decisionId + ":" + sequence + ":" + feedbackId, feedbackId, at, kind, text,
                    decisionId, title, version));
        }
    }

    private void advance(String feedbackId, FeedbackStatus next) {
        receipts.findById(feedbackId).ifPresent(r -> r.moveTo(next));
    }

    private void step(String feedbackId, long sequence, Instant at, StepKind kind, String text) {
        steps.save(new ReceiptStep(feedbackId + ":" + sequence, feedbackId, at, kind, text, List.of(), null, null));
    }
}
