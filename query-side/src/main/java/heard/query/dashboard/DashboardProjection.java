package heard.query.dashboard;

import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackStatus;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.IndicatorDefined;
import heard.events.InitiativeLaunched;
import heard.events.MeasurementRecorded;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import heard.query.batching.TransactionBound;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of each initiative's dashboard, kept as per-initiative counts as the events arrive, so that
 * reading a dashboard never scans its feedback.
 * <p>
 * The events of a transaction (a processor's batch) are gathered in memory and written once, just before
 * it commits: the rows they touch are read once, the events are folded into them in order, and every
 * change is written as one batched statement per kind, counts as one delta each (see {@link DashboardRows}).
 * A write that fails fails the commit, and the batch is applied again one event at a time, each in a
 * transaction of its own, so that the one that cannot be stored is parked alone.
 * <p>
 * <b>Each fact counts once, without a row per event.</b> The row of each feedback and each decision holds
 * the sequence number of the last event of that aggregate applied to it ({@code last_sequence}); an event
 * of the aggregate at or below it is a redelivery (Kafka delivers at least once, also at a new offset) and
 * changes nothing. An aggregate's events arrive in order, so the high-water mark suffices. An initiative, an
 * indicator and a measurement (named by its indicator and sequence number) are made once, if absent. Events
 * of a feedback or decision the dashboard does not hold are not applied: they cannot come before the event
 * that made it, which, if it could not be stored, holds them parked behind it. So the dashboard needs no
 * record of applied events of its own, and is not among the projections that keep one ({@code applied_event}).
 * An event that is not an aggregate's (the app makes none; a tool may publish one) has no number: it is applied
 * and leaves the mark as it was, and only the row's own facts keep it from counting twice (a duration is taken
 * once, a flag set once, a theme added once; a decision's revisions, reviews and outcomes have no such fact).
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
class DashboardProjection {
    static final String GROUP = "dashboard";
    static final String ACKNOWLEDGE = "acknowledge";
    static final String CLOSE = "close";
    private static final List<String> TABLES = List.of("dashboard_initiative", "dashboard_group", "dashboard_count",
            "dashboard_feedback", "dashboard_duration", "dashboard_pending", "dashboard_decision",
            "dashboard_indicator", "dashboard_measurement");

    private final JdbcTemplate db;
    private final TransactionBound<DashboardBatch> batches;

    DashboardProjection(JdbcTemplate db, DashboardRows rows) {
        this.db = db;
        this.batches = new TransactionBound<>(DashboardBatch::new, rows::write);
    }

    @ResetHandler
    void reset() {
        batches.discard();
        TABLES.forEach(table -> db.update("delete from " + table));
    }

    @EventHandler
    void on(InitiativeLaunched e) {
        batches.change(batch -> batch.initiative(e.initiativeId(), fold -> fold.launched(e)));
    }

    @EventHandler
    void on(FeedbackSubmitted e, EventMessage<?> message) {
        feedback(e.feedbackId(), fold -> fold.submitted(e, sequence(message)));
    }

    @EventHandler
    void on(FeedbackAcknowledged e, EventMessage<?> message) {
        feedback(e.feedbackId(), fold -> fold.acknowledged(e, sequence(message)));
    }

    @EventHandler
    void on(UnderstandingSummarized e, EventMessage<?> message) {
        long sequence = sequence(message);
        feedback(e.feedbackId(), fold -> fold.moved(e.feedbackId(), FeedbackStatus.UNDERSTANDING_SUMMARIZED, sequence));
    }

    @EventHandler
    void on(UnderstandingConfirmed e, EventMessage<?> message) {
        feedback(e.feedbackId(), fold -> fold.confirmed(e.feedbackId(), sequence(message)));
    }

    @EventHandler
    void on(UnderstandingCorrected e, EventMessage<?> message) {
        feedback(e.feedbackId(), fold -> fold.corrected(e.feedbackId(), sequence(message)));
    }

    @EventHandler
    void on(FeedbackThemed e, EventMessage<?> message) {
        feedback(e.feedbackId(), fold -> fold.themed(e, sequence(message)));
    }

    @EventHandler
    void on(FeedbackLoopClosed e, EventMessage<?> message) {
        feedback(e.feedbackId(), fold -> fold.loopClosed(e, sequence(message)));
    }

    @EventHandler
    void on(DecisionProposed e, EventMessage<?> message) {
        decision(e.decisionId(), fold -> fold.proposed(e, sequence(message)));
    }

    @EventHandler
    void on(DecisionRevised e, EventMessage<?> message) {
        decision(e.decisionId(), fold -> fold.revised(e, sequence(message)));
    }

    @EventHandler
    void on(DecisionReviewDue e, EventMessage<?> message) {
        decision(e.decisionId(), fold -> fold.reviewDue(e, sequence(message)));
    }

    @EventHandler
    void on(DecisionOutcomeAssessed e, EventMessage<?> message) {
        decision(e.decisionId(), fold -> fold.assessed(e, sequence(message)));
    }

    @EventHandler
    void on(IndicatorDefined e) {
        batches.change(batch -> batch.indicator(e.indicatorId(), fold -> fold.defined(e)));
    }

    @EventHandler
    void on(MeasurementRecorded e, @SequenceNumber long sequence) {
        batches.change(batch -> batch.measurement(DashboardFold.measurementId(e.indicatorId(), sequence),
                fold -> fold.measured(e, sequence)));
    }

    /** The event's number within its aggregate; none for an event that is not an aggregate's. */
    private static long sequence(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> event ? event.getSequenceNumber() : DashboardFold.UNNUMBERED;
    }

    private void feedback(String feedbackId, Consumer<DashboardFold> change) {
        batches.change(batch -> batch.feedback(feedbackId, change));
    }

    private void decision(String decisionId, Consumer<DashboardFold> change) {
        batches.change(batch -> batch.decision(decisionId, change));
    }
}
