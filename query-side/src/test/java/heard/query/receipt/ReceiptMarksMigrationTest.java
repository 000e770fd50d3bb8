package heard.query.receipt;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

import heard.query.LoopEvents;
import heard.query.config.MigratedSchemas;
import heard.query.config.OnBothDatabases;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Receipts stored while the feed kept its marks in {@code applied_event} take them over on their own rows: the
 * last event applied, or the one before an event of theirs still parked, so that a redelivery still changes
 * nothing and the parked event still applies when retried; a receipt made before any mark was kept takes that of
 * its last step.
 */
class ReceiptMarksMigrationTest extends OnBothDatabases {

    @ParameterizedTest
    @MethodSource("databases")
    void receiptsTakeTheMarksTheFeedKeptInAppliedEvents(String vendor) throws Exception {
        DataSource dataSource = MigratedSchemas.empty(vendor, postgres);
        // the last migration before the feed kept its own marks
        MigratedSchemas.migrate(dataSource, vendor, "40");
        JdbcTemplate db = new JdbcTemplate(dataSource);
        for (String feedbackId : new String[] {"applied-2", "parked-at-2", "stepped-to-1", "unmarked"}) {
            db.update("insert into receipt_view (feedback_id, receipt_token_hash, initiative_id, text, channel,"
                    + " language, stakeholder_group, status, submitted_at, acknowledge_by, themes)"
                    + " values (?, ?, 'initiative-1', 'Words', 'WEB', 'en', 'parents', 'ACKNOWLEDGED', ?, ?, '[]')",
                    feedbackId, "hash-" + feedbackId, Timestamp.from(T0), Timestamp.from(hoursAfterT0(72)));
        }
        // made before any mark was kept: its steps tell how far it went
        db.update("insert into receipt_step (step_id, feedback_id, at, kind, themes) values"
                + " ('stepped-to-1:0', 'stepped-to-1', ?, 'SUBMITTED', '[]'), ('stepped-to-1:1', 'stepped-to-1', ?,"
                + " 'ACKNOWLEDGED', '[]'), ('learning-9:stepped-to-1', 'stepped-to-1', ?, 'LEARNING_PUBLISHED', '[]')",
                Timestamp.from(T0), Timestamp.from(T0), Timestamp.from(T0));
        db.update("insert into applied_event values ('returned-learning', 'applied-2', 2)");
        db.update("insert into applied_event values ('returned-learning', 'parked-at-2', 3)");
        db.update("insert into applied_event values ('initiatives', 'applied-2', 2)");
        db.update("insert into dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,"
                + " sequence_index, message_type, event_identifier, time_stamp, payload_type, payload,"
                + " aggregate_identifier, sequence_number, enqueued_at) values ('letter', 'returned-learning',"
                + " 'parked-at-2', 0, 'DomainEventMessage', 'event', '2025-03-01T09:00:00Z', 'Summarized', ?,"
                + " 'parked-at-2', 2, ?)", new byte[] {1}, Timestamp.from(T0));

        MigratedSchemas.migrate(dataSource, vendor, "latest");

        assertThat(db.queryForList("select feedback_id || '=' || last_sequence from receipt_view"
                + " order by feedback_id", String.class)).containsExactly("applied-2=2", "parked-at-2=1", "stepped-to-1=1",
                        "unmarked=0");
        assertThat(db.queryForList("select processing_group from applied_event", String.class))
                .containsExactly("initiatives");

        // a redelivered acknowledgement of the first changes nothing; the parked summary of the second applies
        ReturnedLearningProjection projection = new ReturnedLearningProjection(db);
        projection.on(LoopEvents.feedback("applied-2", "initiative-1").confirmed(1, hoursAfterT0(3)), 2);
        projection.on(LoopEvents.feedback("parked-at-2", "initiative-1").summarized(1, "You said", hoursAfterT0(2)),
                2);
        projection.on(LoopEvents.feedback("stepped-to-1", "initiative-1").acknowledged(hoursAfterT0(1)), 1);
        assertThat(db.queryForList("select feedback_id || '=' || status from receipt_view order by feedback_id",
                String.class)).containsExactly("applied-2=ACKNOWLEDGED", "parked-at-2=UNDERSTANDING_SUMMARIZED",
                        "stepped-to-1=ACKNOWLEDGED", "unmarked=ACKNOWLEDGED");
        assertThat(db.queryForList("select step_id from receipt_step where feedback_id <> 'stepped-to-1'",
                String.class)).containsExactly("parked-at-2:2");
    }
}
