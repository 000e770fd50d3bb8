package heard.query.redelivery;

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

    /**
     * Records the event as applied; false if it, or a later event of its aggregate, already was.
     * One statement in the usual cases (an aggregate's first event, or a later one of an aggregate
     * already seen), where a read and then a write took two.
     */
    public boolean apply(String processingGroup, String aggregateId, long sequence) {
        if (sequence > 0 && db.update("update applied_event set last_sequence = ? where processing_group = ?"
                + " and aggregate_id = ? and last_sequence < ?", sequence, processingGroup, aggregateId, sequence) == 1) {
            return true;
        }
        // the first event of its aggregate this projection sees, or one it has seen already
        return db.update("insert into applied_event (processing_group, aggregate_id, last_sequence)"
                + " select ?, ?, ? where not exists (select 1 from applied_event"
                + " where processing_group = ? and aggregate_id = ?)",
                processingGroup, aggregateId, sequence, processingGroup, aggregateId) == 1;
    }

    /** Before a replay: the projection applies every event again. */
    public void forget(String processingGroup) {
        db.update("delete from applied_event where processing_group = ?", processingGroup);
    }
}
