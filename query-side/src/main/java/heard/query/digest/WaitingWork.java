package heard.query.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits for the facilitators, per initiative, read from the read models: feedback past its acknowledgement
 * promise, summaries a participant corrected that wait for a new summary, and decisions whose review date
 * passed without an assessment of their current version. Counts and titles only, never anyone's words.
 */
@Component
class WaitingWork {
    record Decision(String decisionId, String title) {
    }

    record Initiative(String initiativeId, String title, long overdue, long corrected, List<Decision> reviewsDue) {
        boolean waits() {
            return overdue > 0 || corrected > 0 || !reviewsDue.isEmpty();
        }
    }

    private final JdbcClient db;

    WaitingWork(JdbcClient db) {
        this.db = db;
    }

    /** Each initiative with something waiting, by title. */
    List<Initiative> at(Instant now) {
        Map<String, Long> overdue = counts("select initiative_id, count(*) from inbox_item"
                + " where acknowledged_at is null and loop_closed_at is null and forgotten_at is null"
                + " and acknowledge_by < ? group by initiative_id", Timestamp.from(now));
        Map<String, Long> corrected = counts("select initiative_id, count(*) from inbox_item where status = 'CORRECTED'"
                + " and forgotten_at is null group by initiative_id");
        Map<String, List<Decision>> reviews = new LinkedHashMap<>();
        db.sql("select v.initiative_id, v.decision_id, v.title from decision_version v where v.version ="
                        + " (select max(l.version) from decision_version l where l.decision_id = v.decision_id)"
                        + " and exists (select 1 from decision_review_due r where r.decision_id = v.decision_id"
                        + " and r.version = v.version) and not exists (select 1 from decision_outcome o"
                        + " where o.decision_id = v.decision_id and o.version = v.version)"
                        + " order by v.title, v.decision_id")
                .query(rs -> {
                    reviews.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(new Decision(rs.getString(2), rs.getString(3)));
                });
        return db.sql("select initiative_id, title from initiative_view order by title, initiative_id")
                .query((rs, row) -> new Initiative(rs.getString(1), rs.getString(2),
                        overdue.getOrDefault(rs.getString(1), 0L), corrected.getOrDefault(rs.getString(1), 0L),
                        reviews.getOrDefault(rs.getString(1), List.of())))
                .list().stream().filter(Initiative::waits).toList();
    }

    private Map<String, Long> counts(String sql, Object... params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.sql(sql).params(params).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
