package heard.query.receipt;

import static heard.query.schema.TimestampColumns.instant;

import heard.events.Channel;
import heard.events.FeedbackStatus;
import heard.events.ReceiptTokens;
import heard.query.schema.StringListConverter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a participant's feed with their receipt token (looked up by its hash only). Read through JDBC: a receipt is
 * read far more often than anything else a participant does, and loading it as JPA entities was half of a read's
 * CPU.
 */
@Service
public class ReturnedLearningReader {
    private static final StringListConverter THEMES = new StringListConverter();
    private static final Comparator<ReturnedLearning.Step> TIMELINE =
            Comparator.comparing(ReturnedLearning.Step::at).thenComparing(ReturnedLearning.Step::step);
    private final JdbcTemplate db;

    ReturnedLearningReader(JdbcTemplate db) {
        this.db = db;
    }

    /** One snapshot for the status and the steps, so a page never shows a step its status has not reached. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ReturnedLearning> open(String receiptToken) {
        if (!ReceiptTokens.isWellFormed(receiptToken)) {
            return Optional.empty();
        }
        return db.query("select r.feedback_id, r.initiative_id, i.title, r.text, r.channel, r.language,"
                + " r.stakeholder_group, r.status, r.submitted_at, r.acknowledge_by, r.themes, r.forgotten_at"
                + " from receipt_view r left join initiative_view i on i.initiative_id = r.initiative_id"
                + " where r.receipt_token_hash = ?", (row, n) -> new ReturnedLearning(row.getString(1),
                        row.getString(2), row.getString(3), row.getString(4), Channel.valueOf(row.getString(5)),
                        row.getString(6), row.getString(7), FeedbackStatus.valueOf(row.getString(8)),
                        instant(row, 9), instant(row, 10), THEMES.convertToEntityAttribute(row.getString(11)),
                        instant(row, 12), timelineOf(row.getString(1))),
                ReceiptTokens.hash(receiptToken)).stream().findFirst();
    }

    private List<ReturnedLearning.Step> timelineOf(String feedbackId) {
        return db.query("select kind, at, text, themes, learning_id, learning_title, decision_id, decision_title,"
                + " decision_version from receipt_step where feedback_id = ?", (row, n) -> new ReturnedLearning.Step(
                        StepKind.valueOf(row.getString(1)), instant(row, 2), row.getString(3),
                        THEMES.convertToEntityAttribute(row.getString(4)), row.getString(5), row.getString(6),
                        row.getString(7), row.getString(8), row.getObject(9, Integer.class)),
                feedbackId).stream().sorted(TIMELINE).toList();
    }
}
