package heard.query.inbox;

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
 * Inbox rows stored while the inbox kept its marks in {@code applied_event} take them over on their own rows: the
 * last event applied, or the one before an event of theirs still parked, so that a redelivery still changes nothing
 * and the parked event still applies when retried; a row with neither takes 0, its submission's.
 */
class InboxMarksMigrationTest extends OnBothDatabases {

    @ParameterizedTest
    @MethodSource("databases")
    void rowsTakeTheMarksTheInboxKeptInAppliedEvents(String vendor) throws Exception {
        DataSource dataSource = MigratedSchemas.empty(vendor, postgres);
        // the last migration before the inbox kept its own marks
        MigratedSchemas.migrate(dataSource, vendor, "160");
        JdbcTemplate db = new JdbcTemplate(dataSource);
        for (String feedbackId : new String[] {"applied-2", "parked-at-2", "unmarked"}) {
            db.update("insert into inbox_item (feedback_id, initiative_id, text, channel, language, stakeholder_group,"
                    + " submitted_by, status, submitted_at, acknowledge_by, themes) values (?, 'initiative-1', 'Words',"
                    + " 'WEB', 'en', 'parents', 'participant', 'ACKNOWLEDGED', ?, ?, '[]')",
                    feedbackId, Timestamp.from(T0), Timestamp.from(hoursAfterT0(72)));
        }
        db.update("insert into applied_event values ('inbox', 'applied-2', 2)");
        db.update("insert into applied_event values ('inbox', 'parked-at-2', 3)");
        db.update("insert into applied_event values ('initiatives', 'applied-2', 2)");
        db.update("insert into dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,"
                + " sequence_index, message_type, event_identifier, time_stamp, payload_type, payload,"
                + " aggregate_identifier, sequence_number, enqueued_at) values ('letter', 'inbox',"
                + " 'parked-at-2', 0, 'DomainEventMessage', 'event', '2025-03-01T09:00:00Z', 'Summarized', ?,"
                + " 'parked-at-2', 2, ?)", new byte[] {1}, Timestamp.from(T0));

        MigratedSchemas.migrate(dataSource, vendor, "latest");

        assertThat(db.queryForList("select feedback_id || '=' || last_sequence from inbox_item order by feedback_id",
                String.class)).containsExactly("applied-2=2", "parked-at-2=1", "unmarked=0");
        assertThat(db.queryForList("select processing_group from applied_event", String.class))
                .containsExactly("initiatives");

        // a redelivered summary of the first changes nothing; the parked summary of the second applies
        InboxProjection projection = new InboxProjection(db);
        projection.on(LoopEvents.feedback("applied-2", "initiative-1").summarized(1, "Again", hoursAfterT0(2)), 2);
        projection.on(LoopEvents.feedback("parked-at-2", "initiative-1").summarized(1, "You said", hoursAfterT0(2)),
                2);
        assertThat(db.queryForList("select feedback_id || '=' || status || '=' || coalesce(summary, '-')"
                + " from inbox_item order by feedback_id", String.class)).containsExactly("applied-2=ACKNOWLEDGED=-",
                        "parked-at-2=UNDERSTANDING_SUMMARIZED=You said", "unmarked=ACKNOWLEDGED=-");
    }
}
