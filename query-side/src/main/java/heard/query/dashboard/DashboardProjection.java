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
import heard.events.StakeholderGroup;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of each initiative's dashboard, kept as per-initiative counts as the events arrive,
 * so that reading a dashboard never scans its feedback. Each fact is counted once: redelivered
 * events find their fact already applied (by feedback, decision and version ids).
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
class DashboardProjection {
    static final String GROUP = "dashboard";
    static final String ACKNOWLEDGE = "acknowledge";
    static final String CLOSE = "close";
    private static final List<String> TABLES = List.of("dashboard_initiative", "dashboard_group", "dashboard_count",
            "dashboard_feedback", "dashboard_duration", "dashboard_pending", "dashboard_decision",
            "dashboard_applied", "dashboard_indicator", "dashboard_measurement");

    private final JdbcTemplate db;

    DashboardProjection(JdbcTemplate db) {
        this.db = db;
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> db.update("delete from " + table));
    }

    @EventHandler
    void on(InitiativeLaunched e) {
        if (exists("select count(*) from dashboard_initiative where initiative_id = ?", e.initiativeId())) {
            return;
        }
        db.update("insert into dashboard_initiative (initiative_id, title, acknowledge_within_hours) values (?, ?, ?)",
                e.initiativeId(), e.title(), e.acknowledgeWithinHours());
        int position = 0;
        for (StakeholderGroup group : e.stakeholderGroups()) {
            db.update("insert into dashboard_group (initiative_id, group_code, name, population_share, position)"
                    + " values (?, ?, ?, ?, ?)", e.initiativeId(), group.code(), group.name(),
                    group.populationShare(), position++);
        }
    }

    @EventHandler
    void on(FeedbackSubmitted e) {
        if (exists("select count(*) from dashboard_feedback where feedback_id = ?", e.feedbackId())) {
            return;
        }
        db.update("insert into dashboard_feedback (feedback_id, initiative_id, submitted_at, channel, language,"
                + " stakeholder_group, status, themes, confirmed, corrected) values (?, ?, ?, ?, ?, ?, ?, '', false, false)",
                e.feedbackId(), e.initiativeId(), Timestamp.from(e.at()), e.channel().name(), e.language(),
                e.stakeholderGroup(), FeedbackStatus.SUBMITTED.name());
        if (e.acknowledgeBy() != null) {
            db.update("insert into dashboard_pending (feedback_id, initiative_id, acknowledge_by) values (?, ?, ?)",
                    e.feedbackId(), e.initiativeId(), Timestamp.from(e.acknowledgeBy()));
        }
        add(e.initiativeId(), "loop", "submitted", 1);
        add(e.initiativeId(), "group", e.stakeholderGroup() == null ? "" : e.stakeholderGroup(), 1);
        add(e.initiativeId(), "channel", e.channel().name(), 1);
    }

    @EventHandler
    void on(FeedbackAcknowledged e) {
        Feedback feedback = feedback(e.feedbackId());
        if (feedback == null || feedback.hoursToAcknowledge != null) {
            return;
        }
        double hours = hoursBetween(feedback.submittedAt, e.at());
        db.update("update dashboard_feedback set hours_to_acknowledge = ?, status = ? where feedback_id = ?", hours,
                FeedbackStatus.valueOf(feedback.status).then(FeedbackStatus.ACKNOWLEDGED).name(), e.feedbackId());
        db.update("delete from dashboard_pending where feedback_id = ?", e.feedbackId());
        duration(feedback, ACKNOWLEDGE, hours);
        add(e.initiativeId(), "loop", "acknowledged", 1);
    }

    @EventHandler
    void on(UnderstandingSummarized e) {
        status(e.feedbackId(), FeedbackStatus.UNDERSTANDING_SUMMARIZED);
    }

    @EventHandler
    void on(UnderstandingConfirmed e) {
        Feedback feedback = feedback(e.feedbackId());
        if (feedback == null) {
            return;
        }
        status(e.feedbackId(), FeedbackStatus.CONFIRMED);
        if (!feedback.confirmed) {
            db.update("update dashboard_feedback set confirmed = true where feedback_id = ?", e.feedbackId());
            add(e.initiativeId(), "loop", "confirmed", 1);
        }
    }

    @EventHandler
    void on(UnderstandingCorrected e) {
        Feedback feedback = feedback(e.feedbackId());
        if (feedback == null) {
            return;
        }
        status(e.feedbackId(), FeedbackStatus.CORRECTED);
        if (!feedback.corrected) {
            db.update("update dashboard_feedback set corrected = true where feedback_id = ?", e.feedbackId());
            add(e.initiativeId(), "loop", "corrected", 1);
        }
    }

    @EventHandler
    void on(FeedbackThemed e) {
        Feedback feedback = feedback(e.feedbackId());
        if (feedback == null) {
            return;
        }
        // the event names only the themes added: those before it stay, as they do on the aggregate
        Set<String> all = themes(feedback.themes);
        e.themes().stream().filter(all::add).forEach(theme -> add(e.initiativeId(), "theme", theme, 1));
        db.update("update dashboard_feedback set themes = ? where feedback_id = ?", String.join(";", all),
                e.feedbackId());
    }

    @EventHandler
    void on(FeedbackLoopClosed e) {
        Feedback feedback = feedback(e.feedbackId());
        if (feedback == null || feedback.hoursToClose != null) {
            return;
        }
        double hours = hoursBetween(feedback.submittedAt, e.at());
        db.update("update dashboard_feedback set hours_to_close = ?, status = ? where feedback_id = ?", hours,
                FeedbackStatus.LOOP_CLOSED.name(), e.feedbackId());
        duration(feedback, CLOSE, hours);
        add(e.initiativeId(), "loop", "closed", 1);
    }

    @EventHandler
    void on(DecisionProposed e) {
        if (exists("select count(*) from dashboard_decision where decision_id = ?", e.decisionId())) {
            return;
        }
        db.update("insert into dashboard_decision (decision_id, initiative_id, engagement_level) values (?, ?, ?)",
                e.decisionId(), e.initiativeId(), e.engagementLevel().name());
        add(e.initiativeId(), "engagement", e.engagementLevel().name(), 1);
        add(e.initiativeId(), "decision", "proposed", 1);
    }

    @EventHandler
    void on(DecisionRevised e) {
        if (!applied("revised:" + e.decisionId() + ":" + e.version())) {
            return;
        }
        add(e.initiativeId(), "decision", "revisions", 1);
        if (e.triggeredBy() != null && !e.triggeredBy().isEmpty()) {
            add(e.initiativeId(), "decision", "triggeredByFeedback", 1);
        }
        List<String> levels = db.queryForList("select engagement_level from dashboard_decision where decision_id = ?",
                String.class, e.decisionId());
        if (!levels.isEmpty() && e.engagementLevel() != null && !levels.get(0).equals(e.engagementLevel().name())) {
            add(e.initiativeId(), "engagement", levels.get(0), -1);
            add(e.initiativeId(), "engagement", e.engagementLevel().name(), 1);
            db.update("update dashboard_decision set engagement_level = ? where decision_id = ?",
                    e.engagementLevel().name(), e.decisionId());
        }
    }

    @EventHandler
    void on(DecisionReviewDue e) {
        if (applied("review-due:" + e.decisionId() + ":" + e.version())) {
            add(e.initiativeId(), "decision", "reviewsDue", 1);
        }
    }

    @EventHandler
    void on(DecisionOutcomeAssessed e) {
        if (applied("outcome:" + e.decisionId() + ":" + e.version() + ":" + e.at())) {
            add(e.initiativeId(), "verdict", e.verdict().name(), 1);
        }
    }

    @EventHandler
    void on(IndicatorDefined e) {
        if (exists("select count(*) from dashboard_indicator where indicator_id = ?", e.indicatorId())) {
            return;
        }
        db.update("insert into dashboard_indicator (indicator_id, initiative_id, name, unit, direction, defined_at)"
                + " values (?, ?, ?, ?, ?, ?)", e.indicatorId(), e.initiativeId(), e.name(), e.unit(),
                e.direction().name(), Timestamp.from(e.at()));
    }

    @EventHandler
    void on(MeasurementRecorded e, @SequenceNumber long sequence) {
        String id = e.indicatorId() + ":" + sequence;
        if (exists("select count(*) from dashboard_measurement where measurement_id = ?", id)) {
            return;
        }
        db.update("insert into dashboard_measurement (measurement_id, indicator_id, initiative_id, measured_value,"
                + " measured_at, stakeholder_group, sequence) values (?, ?, ?, ?, ?, ?, ?)", id, e.indicatorId(),
                e.initiativeId(), e.value(), Timestamp.from(e.measuredAt()), e.stakeholderGroup(), sequence);
    }

    private record Feedback(String feedbackId, String initiativeId, Instant submittedAt, String group, String status,
            String themes, boolean confirmed, boolean corrected, Double hoursToAcknowledge, Double hoursToClose) {
    }

    private Feedback feedback(String feedbackId) {
        List<Feedback> found = db.query("select feedback_id, initiative_id, submitted_at, stakeholder_group, status,"
                + " themes, confirmed, corrected, hours_to_acknowledge, hours_to_close from dashboard_feedback"
                + " where feedback_id = ?", (row, n) -> new Feedback(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), row.getString(4), row.getString(5), row.getString(6),
                        row.getBoolean(7), row.getBoolean(8), row.getObject(9, Double.class),
                        row.getObject(10, Double.class)), feedbackId);
        return found.isEmpty() ? null : found.get(0);
    }

    private void status(String feedbackId, FeedbackStatus next) {
        Feedback feedback = feedback(feedbackId);
        if (feedback != null) {
            db.update("update dashboard_feedback set status = ? where feedback_id = ?",
                    FeedbackStatus.valueOf(feedback.status).then(next).name(), feedbackId);
        }
    }

    private void duration(Feedback feedback, String kind, double hours) {
        db.update("insert into dashboard_duration (feedback_id, kind, initiative_id, stakeholder_group, hours)"
                + " values (?, ?, ?, ?, ?)", feedback.feedbackId, kind, feedback.initiativeId, feedback.group, hours);
    }

    static Set<String> themes(String stored) {
        Set<String> themes = new LinkedHashSet<>();
        if (stored != null && !stored.isEmpty()) {
            themes.addAll(Arrays.asList(stored.split(";")));
        }
        return themes;
    }

    private static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    private boolean exists(String countQuery, Object... args) {
        Long count = db.queryForObject(countQuery, Long.class, args);
        return count != null && count > 0;
    }

    /** Records a fact; true if it was new. */
    private boolean applied(String fact) {
        if (exists("select count(*) from dashboard_applied where fact = ?", fact)) {
            return false;
        }
        db.update("insert into dashboard_applied (fact) values (?)", fact);
        return true;
    }

    private void add(String initiativeId, String dimension, String item, long amount) {
        int updated = db.update("update dashboard_count set amount = amount + ? where initiative_id = ? and dimension = ?"
                + " and item = ?", amount, initiativeId, dimension, item);
        if (updated == 0) {
            db.update("insert into dashboard_count (initiative_id, dimension, item, amount) values (?, ?, ?, ?)",
                    initiativeId, dimension, item, amount);
        }
    }
}
