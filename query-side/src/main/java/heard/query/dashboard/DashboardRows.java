package heard.query.dashboard;

import heard.events.FeedbackStatus;
import heard.events.StakeholderGroup;
import heard.query.batching.BatchUpdates;
import heard.query.batching.InLists;
import heard.query.batching.Upserts;
import heard.query.dashboard.DashboardFold.Decision;
import heard.query.dashboard.DashboardFold.Feedback;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the dashboard rows a batch touches, one query per table, and writes what its fold changed, one
 * batched statement per kind of change. Nothing here decides what an event means: see {@link DashboardFold}.
 */
@Component
class DashboardRows {
    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;
    private final String addToCount;

    DashboardRows(JdbcTemplate db, Upserts upserts) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
        this.addToCount = upserts.addTo("dashboard_count", List.of("initiative_id", "dimension", "item"), "amount");
    }

    /** Folds the batch's events into the rows they touch and writes the result. */
    void write(DashboardBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        DashboardFold fold = read(batch);
        batch.changes.forEach(change -> change.accept(fold));
        write(fold);
    }

    private DashboardFold read(DashboardBatch batch) {
        Map<String, Feedback> feedback = new HashMap<>();
        select("select feedback_id, initiative_id, submitted_at, channel, language, stakeholder_group, status, themes,"
                + " confirmed, corrected, hours_to_acknowledge, hours_to_close, last_sequence from dashboard_feedback"
                + " where feedback_id in (:ids)", batch.feedbackIds, row -> {
                    Feedback stored = new Feedback(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                            row.getString(4), row.getString(5), row.getString(6), false);
                    stored.status = FeedbackStatus.valueOf(row.getString(7));
                    stored.themes = themes(row.getString(8));
                    stored.confirmed = row.getBoolean(9);
                    stored.corrected = row.getBoolean(10);
                    stored.hoursToAcknowledge = row.getObject(11, Double.class);
                    stored.hoursToClose = row.getObject(12, Double.class);
                    stored.lastSequence = row.getLong(13);
                    feedback.put(stored.feedbackId, stored);
                });
        Map<String, Decision> decisions = new HashMap<>();
        select("select decision_id, initiative_id, engagement_level, last_sequence from dashboard_decision"
                + " where decision_id in (:ids)", batch.decisionIds, row -> {
                    decisions.put(row.getString(1), new Decision(row.getString(1), row.getString(2), row.getString(3),
                            row.getLong(4), false));
                });
        return new DashboardFold(feedback, decisions,
                keys("select initiative_id from dashboard_initiative where initiative_id in (:ids)", batch.initiativeIds),
                keys("select indicator_id from dashboard_indicator where indicator_id in (:ids)", batch.indicatorIds),
                keys("select measurement_id from dashboard_measurement where measurement_id in (:ids)",
                        batch.measurementIds));
    }

    private void write(DashboardFold fold) {
        BatchUpdates.run(db, "insert into dashboard_initiative (initiative_id, title, acknowledge_within_hours) values (?, ?, ?)",
                fold.launched, e -> new Object[] {e.initiativeId(), e.title(), e.acknowledgeWithinHours()});
        List<Object[]> groups = new ArrayList<>();
        fold.launched.forEach(e -> {
            int position = 0;
            for (StakeholderGroup group : e.stakeholderGroups()) {
                groups.add(new Object[] {e.initiativeId(), group.code(), group.name(), group.populationShare(),
                        position++});
            }
        });
        BatchUpdates.run(db, "insert into dashboard_group (initiative_id, group_code, name, population_share, position)"
                + " values (?, ?, ?, ?, ?)", groups, Function.identity());
        List<Feedback> made = fold.feedback.values().stream().filter(row -> row.made).toList();
        BatchUpdates.run(db, "insert into dashboard_feedback (feedback_id, initiative_id, submitted_at, channel, language,"
                + " stakeholder_group, status, themes, confirmed, corrected, hours_to_acknowledge, hours_to_close,"
                + " last_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", made, row -> new Object[] {
                    row.feedbackId, row.initiativeId, Timestamp.from(row.submittedAt), row.channel, row.language,
                    row.group, row.status.name(), String.join(";", row.themes), row.confirmed, row.corrected,
                    row.hoursToAcknowledge, row.hoursToClose, row.lastSequence});
        BatchUpdates.run(db, "update dashboard_feedback set status = ?, themes = ?, confirmed = ?, corrected = ?,"
                + " hours_to_acknowledge = ?, hours_to_close = ?, last_sequence = ? where feedback_id = ?",
                fold.feedback.values().stream().filter(row -> !row.made && row.changed).toList(), row -> new Object[] {
                    row.status.name(), String.join(";", row.themes), row.confirmed, row.corrected,
                    row.hoursToAcknowledge, row.hoursToClose, row.lastSequence, row.feedbackId});
        BatchUpdates.run(db, "insert into dashboard_pending (feedback_id, initiative_id, acknowledge_by) values (?, ?, ?)",
                made.stream().filter(row -> row.acknowledgeBy != null && row.hoursToAcknowledge == null).toList(),
                row -> new Object[] {row.feedbackId, row.initiativeId, Timestamp.from(row.acknowledgeBy)});
        BatchUpdates.run(db, "delete from dashboard_pending where feedback_id = ?", fold.noLongerPending, id -> new Object[] {id});
        BatchUpdates.run(db, "insert into dashboard_duration (feedback_id, kind, initiative_id, stakeholder_group, hours)"
                + " values (?, ?, ?, ?, ?)", fold.durations, took -> new Object[] {took.feedbackId(), took.kind(),
                        took.initiativeId(), took.group(), took.hours()});
        BatchUpdates.run(db, "insert into dashboard_decision (decision_id, initiative_id, engagement_level, last_sequence)"
                + " values (?, ?, ?, ?)", fold.decisions.values().stream().filter(row -> row.made).toList(),
                row -> new Object[] {row.decisionId, row.initiativeId, row.engagementLevel, row.lastSequence});
        BatchUpdates.run(db, "update dashboard_decision set engagement_level = ?, last_sequence = ? where decision_id = ?",
                fold.decisions.values().stream().filter(row -> !row.made && row.changed).toList(),
                row -> new Object[] {row.engagementLevel, row.lastSequence, row.decisionId});
        BatchUpdates.run(db, "insert into dashboard_indicator (indicator_id, initiative_id, name, unit, direction, defined_at)"
                + " values (?, ?, ?, ?, ?, ?)", fold.defined, e -> new Object[] {e.indicatorId(), e.initiativeId(),
                        e.name(), e.unit(), e.direction().name(), Timestamp.from(e.at())});
        BatchUpdates.run(db, "insert into dashboard_measurement (measurement_id, indicator_id, initiative_id, measured_value,"
                + " measured_at, stakeholder_group, sequence) values (?, ?, ?, ?, ?, ?, ?)", fold.measured,
                m -> new Object[] {m.measurementId(), m.event().indicatorId(), m.event().initiativeId(),
                        m.event().value(), Timestamp.from(m.event().measuredAt()), m.event().stakeholderGroup(),
                        m.sequence()});
        BatchUpdates.run(db, addToCount, fold.counts.entrySet(), count -> new Object[] {count.getKey().initiativeId(),
                count.getKey().dimension().stored, count.getKey().item(), count.getValue()});
        BatchUpdates.run(db, "update dashboard_initiative set revision = revision + 1 where initiative_id = ?", fold.touched,
                id -> new Object[] {id});
    }

    private static Set<String> themes(String stored) {
        Set<String> themes = new LinkedHashSet<>();
        if (stored != null && !stored.isEmpty()) {
            themes.addAll(Arrays.asList(stored.split(";")));
        }
        return themes;
    }


    private void select(String sql, Set<String> ids, RowCallbackHandler row) {
        InLists.select(named, sql, ids, row);
    }

    private Set<String> keys(String sql, Set<String> ids) {
        Set<String> found = new HashSet<>();
        select(sql, ids, row -> {
            found.add(row.getString(1));
        });
        return found;
    }
}
