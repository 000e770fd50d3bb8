package heard.query.receipt;

import static heard.query.schema.TimestampColumns.instant;
import static heard.query.schema.TimestampColumns.timestamp;

import heard.events.FeedbackStatus;
import heard.query.batching.BatchUpdates;
import heard.query.batching.InLists;
import heard.query.receipt.ReceiptFold.Receipt;
import heard.query.schema.StringListConverter;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads the feed's rows a batch touches, one query per table, and writes what its fold changed, one batched
 * statement per kind of change. Nothing here decides what an event means: see {@link ReceiptFold}. A step of a
 * feedback whose receipt is stored is not looked for: it was written with the receipt's mark, so the mark tells
 * whether it is there; so a caught-up feed answers a submission or a later step with one read.
 */
class ReceiptRows {
    private static final StringListConverter THEMES = new StringListConverter();
    private static final String PERSONAL_KINDS = Arrays.stream(StepKind.values()).filter(StepKind::isPersonal)
            .map(kind -> "'" + kind.name() + "'").collect(Collectors.joining(", "));
    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;

    ReceiptRows(JdbcTemplate db) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
    }

    /** Folds the batch's events into the rows they touch and writes the result. */
    void write(ReceiptBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        ReceiptFold fold = read(batch);
        batch.changes.forEach(change -> change.accept(fold));
        write(fold);
    }

    private ReceiptFold read(ReceiptBatch batch) {
        Map<String, Receipt> receipts = new HashMap<>();
        InLists.select(named, "select feedback_id, status, themes, forgotten_at, last_sequence from receipt_view"
                + " where feedback_id in (:ids)", batch.feedbackIds, row -> {
                    receipts.put(row.getString(1), new Receipt(row.getString(1), null,
                            FeedbackStatus.valueOf(row.getString(2)), THEMES.convertToEntityAttribute(row.getString(3)),
                            instant(row, 4), row.getLong(5)));
                });
        Set<String> lookedFor = new LinkedHashSet<>(batch.stepIds);
        batch.feedbackStepIds.forEach((feedbackId, stepIds) -> {
            if (!receipts.containsKey(feedbackId)) {
                lookedFor.addAll(stepIds);
            }
        });
        Set<String> storedSteps = new HashSet<>();
        InLists.select(named, "select step_id from receipt_step where step_id in (:ids)", lookedFor, row -> {
            storedSteps.add(row.getString(1));
        });
        Map<String, String> titles = new HashMap<>();
        InLists.select(named, "select decision_id, title from receipt_decision where decision_id in (:ids)",
                batch.decisionIds, row -> {
                    titles.put(row.getString(1), row.getString(2));
                });
        return new ReceiptFold(receipts, storedSteps, titles);
    }

    private void write(ReceiptFold fold) {
        // first, so that the rows this batch makes keep what it gave them
        BatchUpdates.run(db, "update receipt_view set text = null where feedback_id = ?", fold.forgotten, id -> new Object[] {id});
        BatchUpdates.run(db, "update receipt_step set text = null where feedback_id = ? and kind in (" + PERSONAL_KINDS + ")",
                fold.forgotten, id -> new Object[] {id});
        BatchUpdates.run(db, "insert into receipt_decision (decision_id, title) values (?, ?)", fold.titlesMade.entrySet(),
                title -> new Object[] {title.getKey(), title.getValue()});
        List<Receipt> made = fold.receipts.values().stream().filter(receipt -> receipt.made != null).toList();
        BatchUpdates.run(db, "insert into receipt_view (feedback_id, receipt_token_hash, initiative_id, text, channel, language,"
                + " stakeholder_group, status, submitted_at, acknowledge_by, themes, forgotten_at, last_sequence)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", made, receipt -> new Object[] {
                    receipt.feedbackId, receipt.made.receiptTokenHash(), receipt.made.initiativeId(),
                    receipt.wordsGone ? null : receipt.made.text(), receipt.made.channel().name(),
                    receipt.made.language(), receipt.made.stakeholderGroup(), receipt.status.name(),
                    Timestamp.from(receipt.made.at()), Timestamp.from(receipt.made.acknowledgeBy()),
                    THEMES.convertToDatabaseColumn(receipt.themes), timestamp(receipt.forgottenAt),
                    receipt.lastSequence});
        BatchUpdates.run(db, "update receipt_view set status = ?, themes = ?, forgotten_at = ?, last_sequence = ?"
                + " where feedback_id = ?", fold.receipts.values().stream()
                        .filter(receipt -> receipt.made == null && receipt.changed).toList(),
                receipt -> new Object[] {receipt.status.name(), THEMES.convertToDatabaseColumn(receipt.themes),
                    timestamp(receipt.forgottenAt), receipt.lastSequence, receipt.feedbackId});
        BatchUpdates.run(db, "insert into receipt_step (step_id, feedback_id, at, kind, text, themes, learning_id, learning_title,"
                + " decision_id, decision_title, decision_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fold.steps.values(), step -> new Object[] {step.stepId, step.feedbackId, Timestamp.from(step.at),
                    step.kind.name(), step.text, THEMES.convertToDatabaseColumn(step.themes), step.learningId,
                    step.learningTitle, step.decisionId, step.decisionTitle, step.decisionVersion});
    }
}
