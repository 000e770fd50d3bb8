package heard.query.applied;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per projection and aggregate, the sequence number of the last event applied. A high-water mark
 * suffices because every projection receives each aggregate's events in order (its sequencing
 * policy keeps an aggregate, or its whole initiative, on one segment).
 */
@Component
public class AppliedEvents {
    private final JdbcTemplate db;

    AppliedEvents(JdbcTemplate db) {
        this.db = db;
    }

    /** Records the event as applied; false if it, or a later event of its aggregate, already was. */
    public boolean apply(String processingGroup, String aggregateId, long sequence) {
        List<Long> last = db.queryForList("select last_sequence from applied_event"
                + " where processing_group = ? and aggregate_id = ?", Long.class, processingGroup, aggregateId);
        if (last.isEmpty()) {
            db.update("insert into applied_event (processing_group, aggregate_id, last_sequence) values (?, ?, ?)",
                    processingGroup, aggregateId, sequence);
            return true;
        }
        if (sequence <= last.get(0)) {
            return false;
        }
        db.update("update applied_event set last_sequence = ? where processing_group = ? and aggregate_id = ?",
                sequence, processingGroup, aggregateId);
        return true;
    }

    /** Before a replay: the projection applies every event again. */
    public void forget(String processingGroup) {
        db.update("delete from applied_event where processing_group = ?", processingGroup);
    }
}
