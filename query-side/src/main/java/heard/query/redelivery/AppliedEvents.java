package heard.query.redelivery;

import heard.query.batching.BatchUpdates;
import heard.query.batching.InLists;
import heard.query.batching.Upserts;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per projection and aggregate, the sequence number of the last event applied. A high-water mark
 * suffices because every projection receives each aggregate's events in order (its sequencing
 * policy keeps an aggregate, or its whole initiative, on one segment). Read and written a batch of
 * events at a time (see {@link SkipApplied}).
 */
@Component
public class AppliedEvents {
    static final String MARKS = "select aggregate_id, last_sequence from applied_event"
            + " where (processing_group, aggregate_id) in (:ids)";
    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;
    private final String put;

    AppliedEvents(JdbcTemplate db, Upserts upserts) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
        this.put = upserts.put("applied_event", List.of("processing_group", "aggregate_id"), List.of("last_sequence"));
    }

    /**
     * The last applied sequence number of each of the aggregates that has one. The keys are asked for whole, as
     * row values: H2 uses an index for an {@code in} list on an index's first column only, and with
     * {@code processing_group = ? and aggregate_id in (...)} it read every mark of the projection for each batch.
     */
    Map<String, Long> lastApplied(String processingGroup, Collection<String> aggregateIds) {
        Map<String, Long> last = new HashMap<>();
        InLists.select(named, MARKS, aggregateIds.stream().map(id -> new Object[] {processingGroup, id}).toList(),
                row -> last.put(row.getString(1), row.getLong(2)));
        return last;
    }

    /** Stores these as the aggregates' last applied sequence numbers: one batched statement. */
    void record(String processingGroup, Map<String, Long> lastApplied) {
        BatchUpdates.run(db, put, lastApplied.entrySet(),
                mark -> new Object[] {processingGroup, mark.getKey(), mark.getValue()});
    }

    /** Before a replay: the projection applies every event again. */
    public void forget(String processingGroup) {
        db.update("delete from applied_event where processing_group = ?", processingGroup);
    }
}
