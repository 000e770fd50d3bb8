package heard.query.inbox;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackSubmitted;
import heard.query.LoopEvents;
import heard.query.config.AppliedAlone;
import heard.query.config.CountedDatabase;
import heard.query.config.OnBothDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inbox fed as a processor feeds it, many events in one committed transaction, on H2 and on PostgreSQL: the
 * same rows as one event per transaction, in a bounded number of statements; nothing changes when the batch comes
 * again, also mixed with new events; a forgotten participant's words and contact leave the rows stored before and
 * those made in the same batch; and a batch holding an event that cannot be stored fails at its commit and, applied
 * again one event per transaction, stores every other event. Prints the statements sent per event.
 */
class InboxBatchesTest extends OnBothDatabases {
    private static final List<String> INITIATIVES = List.of("initiative-a", "initiative-b", "initiative-c");
    private static final int LOOPS = 20;

    private final class Inbox extends CountedDatabase {
        final InboxProjection projection;

        Inbox(String vendor) throws SQLException {
            super(vendor, postgres);
            projection = new InboxProjection(db);
        }

        void batch(List<EventMessage<?>> events) {
            transaction.executeWithoutResult(status -> events.forEach(this::handle));
        }

        void handle(EventMessage<?> event) {
            CountedDatabase.handle(projection, event);
        }

        /** Every row of the inbox, as text, in key order. */
        List<String> rows() {
            return rows("select * from inbox_item order by feedback_id");
        }

        Map<String, Object> row(String feedbackId) {
            return db.queryForMap("select * from inbox_item where feedback_id = ?", feedbackId);
        }
    }

    /** Events as a processor hands them over: numbered from 0 within their aggregate, in the order made. */
    private static final class Messages {
        private final Map<String, Long> next = new HashMap<>();

        EventMessage<?> of(String aggregateId, Object event) {
            long sequence = next.merge(aggregateId, 1L, Long::sum) - 1;
            return new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateId, sequence, event);
        }
    }

    /**
     * Per initiative, twenty feedback (every other one with contact to follow up) through their loops, the third
     * participant forgotten at the end; the initiatives' events interleaved in phases.
     */
    private static List<EventMessage<?>> story() {
        Messages messages = new Messages();
        List<List<EventMessage<?>>> phases = new ArrayList<>();
        for (int phase = 0; phase < 5; phase++) {
            phases.add(new ArrayList<>());
        }
        for (String initiative : INITIATIVES) {
            for (int j = 0; j < LOOPS; j++) {
                String id = initiative + "-feedback-" + j;
                LoopEvents loop = LoopEvents.feedback(id, initiative).fromGroup(j % 2 == 0 ? "parents" : "staff")
                        .withContact(j + "@example.org", j % 2 == 0);
                phases.get(0).add(messages.of(id, loop.submitted(hoursAfterT0(j))));
                phases.get(1).add(messages.of(id, loop.acknowledged(hoursAfterT0(30 + j))));
                phases.get(1).add(messages.of(id, loop.summarized(1, "You said " + j, hoursAfterT0(60))));
                phases.get(2).add(messages.of(id, j % 3 == 0 ? loop.corrected(1, "Not quite " + j, hoursAfterT0(61))
                        : loop.confirmed(1, hoursAfterT0(61))));
                phases.get(2).add(messages.of(id, loop.themed(hoursAfterT0(62), "transport",
                        j % 2 == 0 ? "safety" : "transport")));
                phases.get(2).add(messages.of(id, loop.themed(hoursAfterT0(63), "safety", "lighting")));
                if (j % 4 == 1) {
                    phases.get(3).add(messages.of(id, loop.loopClosed(initiative + "-learning", hoursAfterT0(70))));
                }
                if (j == 3) {
                    phases.get(4).add(messages.of(id, loop.forgotten(hoursAfterT0(80))));
                }
            }
        }
        return phases.stream().flatMap(List::stream).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchWritesWhatEventByEventWritesInAFewStatementsAndNothingWhenItComesAgain(String vendor)
            throws SQLException {
        Inbox inbox = new Inbox(vendor);
        List<EventMessage<?>> events = story();

        inbox.counted.reset();
        events.forEach(event -> inbox.batch(List.of(event)));
        long alone = inbox.counted.statements();
        List<String> eventByEvent = inbox.rows();

        inbox.transaction.executeWithoutResult(status -> inbox.projection.reset());
        inbox.counted.reset();
        inbox.batch(events);
        long batched = inbox.counted.statements();
        long batchedRows = inbox.counted.batchedRows();
        assertThat(inbox.rows()).isEqualTo(eventByEvent);

        // the submissions in one batch, everything after them in the next: rows stored before are changed
        inbox.transaction.executeWithoutResult(status -> inbox.projection.reset());
        int submissions = INITIATIVES.size() * LOOPS;
        inbox.counted.reset();
        inbox.batch(events.subList(0, submissions));
        long made = inbox.counted.statements();
        inbox.counted.reset();
        inbox.batch(events.subList(submissions, events.size()));
        long changed = inbox.counted.statements();
        assertThat(inbox.rows()).isEqualTo(eventByEvent);

        inbox.counted.reset();
        inbox.batch(events);
        long again = inbox.counted.statements();
        assertThat(inbox.rows()).isEqualTo(eventByEvent);
        System.out.printf("inbox on %s: %d events in one batch: %d statements (%.3f an event), %d rows batched;"
                + " the submissions, then the rest: %d and %d; one per transaction: %d (%.3f an event);"
                + " the batch again: %d%n", vendor, events.size(), batched, batched / (double) events.size(),
                batchedRows, made, changed, alone, alone / (double) events.size(), again);
        // a read and an insert; then a read, an update and the forgotten words' blanking; then a read alone;
        // alone, a read and a write an event, and the blanking
        assertThat(batched).isLessThanOrEqualTo(2);
        assertThat(made).isLessThanOrEqualTo(2);
        assertThat(changed).isLessThanOrEqualTo(3);
        assertThat(again).isLessThanOrEqualTo(1);
        assertThat(alone).isLessThanOrEqualTo(2L * events.size() + INITIATIVES.size());

        Map<String, Object> closed = inbox.row("initiative-b-feedback-5");
        assertThat(closed.get("status")).isEqualTo("LOOP_CLOSED");
        assertThat(closed.get("themes")).isEqualTo("[\"transport\",\"safety\",\"lighting\"]");
        assertThat(closed.get("themed_by")).isEqualTo("[\"analyst\"]");
        assertThat(inbox.row("initiative-b-feedback-4").get("status")).isEqualTo("CONFIRMED");
        assertThat(inbox.row("initiative-b-feedback-6")).containsEntry("status", "CORRECTED")
                .containsEntry("correction", "Not quite 6").containsEntry("summary", "You said 6")
                .containsEntry("acknowledged_by", LoopEvents.FACILITATOR).containsEntry("contact", "6@example.org");
        assertThat(inbox.row("initiative-b-feedback-7").get("contact")).as("no consent to follow up").isNull();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aForgottenParticipantsWordsAndContactLeaveRowsStoredBeforeOrMadeInTheSameBatch(String vendor)
            throws SQLException {
        List<EventMessage<?>> events = story();
        int forgetting = events.size() - INITIATIVES.size();
        // their words stored in one batch, and forgotten in the next
        Inbox inbox = new Inbox(vendor);
        inbox.batch(events.subList(0, forgetting));
        inbox.batch(events.subList(forgetting, events.size()));
        // stored and forgotten in the same batch
        Inbox together = new Inbox(vendor);
        together.batch(events);

        for (Inbox each : List.of(inbox, together)) {
            for (String initiative : INITIATIVES) {
                Map<String, Object> forgotten = each.row(initiative + "-feedback-3");
                assertThat(forgotten).containsEntry("text", null).containsEntry("contact", null)
                        .containsEntry("summary", null).containsEntry("correction", null)
                        .containsEntry("status", "CORRECTED")
                        .containsEntry("themes", "[\"transport\",\"safety\",\"lighting\"]");
                assertThat(forgotten.get("forgotten_at")).isNotNull();
                assertThat(each.row(initiative + "-feedback-2"))
                        .containsEntry("text", "Words of " + initiative + "-feedback-2")
                        .containsEntry("contact", "2@example.org").containsEntry("summary", "You said 2")
                        .containsEntry("forgotten_at", null);
            }
        }
        assertThat(inbox.rows()).isEqualTo(together.rows());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void redeliveredEventsAmongNewOnesChangeNothingAndTheNewOnesApply(String vendor) throws SQLException {
        Inbox inbox = new Inbox(vendor);
        List<EventMessage<?>> events = story();
        inbox.batch(events);
        List<String> once = inbox.rows();
        Messages later = new Messages();
        LoopEvents loop = LoopEvents.feedback("late", "initiative-a");

        List<EventMessage<?>> mixed = new ArrayList<>(events);
        Collections.reverse(mixed);
        mixed.add(events.size() / 2, later.of("late", loop.submitted(hoursAfterT0(10))));
        mixed.add(later.of("late", loop.acknowledged(hoursAfterT0(11))));
        inbox.batch(mixed);

        List<String> rows = inbox.rows();
        assertThat(rows).containsAll(once).hasSize(once.size() + 1);
        assertThat(inbox.row("late").get("status")).isEqualTo("ACKNOWLEDGED");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventThatCannotBeStoredFailsItsBatchAndIsFoundAloneWhileTheRestApply(String vendor) throws SQLException {
        Inbox inbox = new Inbox(vendor);
        List<EventMessage<?>> events = story();
        events.forEach(event -> inbox.batch(List.of(event)));
        List<String> eventByEvent = inbox.rows();
        inbox.transaction.executeWithoutResult(status -> inbox.projection.reset());

        List<EventMessage<?>> batch = new ArrayList<>(events);
        // a language tag longer than the column, as an app without today's caps could have stored it
        FeedbackSubmitted unstorable = new FeedbackSubmitted("odd-one", "initiative-b", "Words", Channel.WEB,
                "en-" + "a".repeat(40), "parents", null, false, "hash", hoursAfterT0(72), T0, Actors.PARTICIPANT);
        batch.add(batch.size() / 2, new Messages().of("odd-one", unstorable));

        assertThatThrownBy(() -> inbox.batch(batch)).isInstanceOf(RuntimeException.class);
        assertThat(inbox.rows()).isEmpty();

        // as the parking does: the batch again, each event in a transaction of its own
        List<Object> parked = AppliedAlone.failing(inbox.transaction, inbox.alone, batch, inbox::handle).stream()
                .<Object>map(EventMessage::getPayload).toList();

        assertThat(parked).containsExactly(unstorable);
        assertThat(inbox.rows()).isEqualTo(eventByEvent);
    }
}
