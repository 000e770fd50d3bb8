package heard.query.decision;

import heard.query.batching.TransactionBound;
import heard.query.batching.Upserts;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The themes of each piece of feedback, as the decisions' projection keeps them: the part of its read model that
 * every busy initiative feeds, one {@code FeedbackThemed} per feedback, where the decisions themselves are a
 * handful of events each.
 * <p>
 * The themes of a transaction's events (a processor's batch) are merged in memory per feedback and written once,
 * just before it commits (see {@link ThemeRows}): one query for the stored themes, one batched upsert of those that
 * changed. A write that fails fails the commit, and the batch is applied again one event per transaction, so the
 * event that cannot be stored is parked alone.
 * <p>
 * <b>Redelivery is harmless by nature.</b> Themes are only ever added, each once, after those stored: an event
 * applied again (Kafka delivers at least once, also at a new offset past the token) finds its themes there and
 * changes nothing, whenever it comes. So these rows need no mark of the last event applied.
 */
class ThemeWrites {
    private final JdbcTemplate db;
    private final TransactionBound<ThemesBatch> batches;

    ThemeWrites(JdbcTemplate db, Upserts upserts) {
        this.db = db;
        this.batches = new TransactionBound<>(ThemesBatch::new, new ThemeRows(db, upserts)::write);
    }

    void themed(String feedbackId, List<String> themes) {
        batches.change(batch -> batch.themed(feedbackId, themes));
    }

    void reset() {
        batches.discard();
        db.update("delete from decision_feedback_theme");
    }
}
