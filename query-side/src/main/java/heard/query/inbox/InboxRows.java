package heard.query.inbox;

import static heard.query.schema.TimestampColumns.instant;
import static heard.query.schema.TimestampColumns.timestamp;

import heard.events.FeedbackStatus;
import heard.query.batching.BatchUpdates;
import heard.query.batching.InLists;
import heard.query.inbox.InboxFold.Item;
import heard.query.schema.StringListConverter;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads the inbox rows a batch touches, in one query, and writes what its fold changed, one batched statement
 * per kind of change. Nothing here decides what an event means: see {@link InboxFold}.
 */
class InboxRows {
    private static final StringListConverter LIST = new StringListConverter();
    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;

    InboxRows(JdbcTemplate db) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
    }

    /** Folds the batch's events into the rows they touch and writes the result. */
    void write(InboxBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        InboxFold fold = read(batch);
        batch.changes.forEach(change -> change.accept(fold));
        write(fold);
    }

    private InboxFold read(InboxBatch batch) {
        Map<String, Item> items = new HashMap<>();
        InLists.select(named, "select feedback_id, status, acknowledged_at, acknowledged_by, summary, summarized_by,"
                + " correction, themes, themed_by, loop_closed_at, forgotten_at, last_sequence from inbox_item"
                + " where feedback_id in (:ids)", batch.feedbackIds, row -> {
                    Item item = new Item(row.getString(1), FeedbackStatus.valueOf(row.getString(2)), row.getLong(12));
                    item.acknowledgedAt = instant(row, 3);
                    item.acknowledgedBy = row.getString(4);
                    item.summary = row.getString(5);
                    item.summarizedBy = row.getString(6);
                    item.correction = row.getString(7);
                    item.themes = LIST.convertToEntityAttribute(row.getString(8));
                    item.themedBy = LIST.convertToEntityAttribute(row.getString(9));
                    item.loopClosedAt = instant(row, 10);
                    item.forgottenAt = instant(row, 11);
                    items.put(item.feedbackId, item);
                });
        return new InboxFold(items);
    }

    private void write(InboxFold fold) {
        BatchUpdates.run(db, "insert into inbox_item (feedback_id, initiative_id, text, channel, language, stakeholder_group,"
                + " contact, submitted_by, status, submitted_at, acknowledge_by, acknowledged_at, summary, correction,"
                + " themes, loop_closed_at, forgotten_at, acknowledged_by, summarized_by, themed_by, last_sequence)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fold.items.values().stream().filter(item -> item.made != null).toList(), item -> new Object[] {
                    item.feedbackId, item.made.initiativeId(), item.text, item.made.channel().name(),
                    item.made.language(), item.made.stakeholderGroup(), item.contact, item.made.actor(),
                    item.status.name(), Timestamp.from(item.made.at()), Timestamp.from(item.made.acknowledgeBy()),
                    timestamp(item.acknowledgedAt), item.summary, item.correction,
                    LIST.convertToDatabaseColumn(item.themes), timestamp(item.loopClosedAt),
                    timestamp(item.forgottenAt), item.acknowledgedBy, item.summarizedBy,
                    LIST.convertToDatabaseColumn(item.themedBy), item.lastSequence});
        BatchUpdates.run(db, "update inbox_item set status = ?, acknowledged_at = ?, acknowledged_by = ?, summary = ?,"
                + " summarized_by = ?, correction = ?, themes = ?, themed_by = ?, loop_closed_at = ?, forgotten_at = ?,"
                + " last_sequence = ? where feedback_id = ?",
                fold.items.values().stream().filter(item -> item.made == null && item.changed).toList(),
                item -> new Object[] {item.status.name(), timestamp(item.acknowledgedAt), item.acknowledgedBy,
                    item.summary, item.summarizedBy, item.correction, LIST.convertToDatabaseColumn(item.themes),
                    LIST.convertToDatabaseColumn(item.themedBy), timestamp(item.loopClosedAt),
                    timestamp(item.forgottenAt), item.lastSequence, item.feedbackId});
        BatchUpdates.run(db, "update inbox_item set text = null, contact = null where feedback_id = ?", fold.forgotten,
                id -> new Object[] {id});
    }
}
