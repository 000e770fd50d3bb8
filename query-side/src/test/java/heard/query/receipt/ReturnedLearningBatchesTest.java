package heard.query.receipt;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.learningPublished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackSubmitted;
import heard.query.DecisionEvents;
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
 * The returned-learning feed fed as a processor feeds it, many events in one committed transaction, on H2 and
 * on PostgreSQL: the same rows as one event per transaction; nothing changes when the batch comes again, also
 * mixed with new events; a forgotten participant's words leave the rows stored before and those made in the
 * same batch; and a batch holding an event that cannot be stored fails at its commit and, applied again one
 * event per transaction, stores every other event. Prints the statements sent per event.
 */
class ReturnedLearningBatchesTest extends OnBothDatabases {
    private static final List<String> INITIATIVES = List.of("initiative-a", "initiative-b", "initiative-c");

    private final class Feed extends CountedDatabase {
        final ReturnedLearningProjection projection;

        Feed(String vendor) throws SQLException {
            super(vendor, postgres);
            projection = new ReturnedLearningProjection(db);
        }

        void batch(List<EventMessage<?>> events) {
            transaction.executeWithoutResult(status -> events.forEach(this::handle));
        }

        void handle(EventMessage<?> event) {
            CountedDatabase.handle(projection, event);
        }

        /** Every row of the feed's tables, as text, in key order. */
        List<String> rows() {
            return rows("select * from receipt_view order by feedback_id", "select * from receipt_step order by step_id",
                    "select * from receipt_decision order by decision_id");
        }

        String text(String sql, Object... keys) {
            return db.queryForObject(sql, String.class, keys);
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
     * Per initiative, ten feedback through their loops, a decision each informed and two moved, a learning, the
     * loops closed, the third participant forgotten at the end; the initiatives' events interleaved in phases.
     */
    private static List<EventMessage<?>> story() {
        Messages messages = new Messages();
        List<List<EventMessage<?>>> phases = new ArrayList<>();
        for (int phase = 0; phase < 6; phase++) {
            phases.add(new ArrayList<>());
        }
        for (String initiative : INITIATIVES) {
            DecisionEvents decision = DecisionEvents.decision(initiative + "-decision", initiative);
            List<String> feedbackIds = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                LoopEvents loop = LoopEvents.feedback(initiative + "-feedback-" + j, initiative);
                String id = loop.feedbackId();
                feedbackIds.add(id);
                phases.get(0).add(messages.of(id, loop.submitted(T0)));
                phases.get(1).add(messages.of(id, loop.acknowledged(hoursAfterT0(1))));
                phases.get(1).add(messages.of(id, loop.summarized(1, "You said " + j, hoursAfterT0(2))));
                phases.get(2).add(messages.of(id, j % 3 == 0 ? loop.corrected(1, "Not quite " + j, hoursAfterT0(3))
                        : loop.confirmed(1, hoursAfterT0(3))));
                phases.get(2).add(messages.of(id, loop.themed(hoursAfterT0(4), "transport", j % 2 == 0 ? "safety" : "transport")));
                phases.get(4).add(messages.of(id, loop.loopClosed(initiative + "-learning", hoursAfterT0(8))));
                if (j == 3) {
                    phases.get(5).add(messages.of(id, loop.forgotten(hoursAfterT0(9))));
                }
            }
            phases.get(2).add(messages.of(decision.decisionId(), decision.proposed("Staff the crossing",
                    hoursAfterT0(5), feedbackIds.subList(0, 5).toArray(String[]::new))));
            phases.get(3).add(messages.of(decision.decisionId(), decision.revisedHypothesis(2, "before", "after",
                    "Because you said so", hoursAfterT0(6), feedbackIds.get(1), feedbackIds.get(3))));
            phases.get(3).add(messages.of(decision.decisionId(), decision.linked(2, "More", hoursAfterT0(6),
                    feedbackIds.get(7))));
            phases.get(4).add(messages.of(initiative + "-learning", learningPublished(initiative + "-learning",
                    initiative, hoursAfterT0(7), feedbackIds.toArray(String[]::new))));
        }
        return phases.stream().flatMap(List::stream).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchWritesWhatEventByEventWritesAndNothingWhenItComesAgain(String vendor) throws SQLException {
        Feed feed = new Feed(vendor);
        List<EventMessage<?>> events = story();

        feed.counted.reset();
        events.forEach(event -> feed.batch(List.of(event)));
        long alone = feed.counted.statements();
        List<String> eventByEvent = feed.rows();

        feed.transaction.executeWithoutResult(status -> feed.projection.reset());
        feed.counted.reset();
        feed.batch(events);
        long batched = feed.counted.statements();
        long batchedRows = feed.counted.batchedRows();
        assertThat(feed.rows()).isEqualTo(eventByEvent);

        feed.counted.reset();
        feed.batch(events);
        long again = feed.counted.statements();
        assertThat(feed.rows()).isEqualTo(eventByEvent);
        System.out.printf("returned-learning on %s: %d events in one batch: %d statements (%.3f an event), %d rows"
                + " batched; one per transaction: %d (%.3f an event); the batch again: %d%n", vendor, events.size(),
                batched, batched / (double) events.size(), batchedRows, alone,
                alone / (double) events.size(), again);
        assertThat(batched).isLessThanOrEqualTo(10);

        assertThat(feed.text("select status from receipt_view where feedback_id = ?", "initiative-b-feedback-3"))
                .isEqualTo("LOOP_CLOSED");
        assertThat(feed.text("select themes from receipt_view where feedback_id = ?", "initiative-b-feedback-4"))
                .isEqualTo("[\"transport\",\"safety\"]");
        assertThat(feed.text("select decision_title from receipt_step where step_id = ?",
                "initiative-b-decision:1:initiative-b-feedback-3")).isEqualTo("Staff the crossing");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aForgottenParticipantsWordsLeaveEveryRowStoredBeforeOrMadeInTheSameBatch(String vendor) throws SQLException {
        Feed feed = new Feed(vendor);
        List<EventMessage<?>> events = story();
        int forgetting = events.size() - INITIATIVES.size();
        // initiative a's participant is forgotten in a later batch than their words were stored in,
        // initiative b's and c's in the batch that stores them
        feed.batch(events.subList(0, forgetting / 2));
        feed.batch(events.subList(forgetting / 2, events.size()));

        for (String initiative : INITIATIVES) {
            String forgotten = initiative + "-feedback-3";
            assertThat(feed.text("select text from receipt_view where feedback_id = ?", forgotten)).isNull();
            assertThat(feed.db.queryForList("select text from receipt_step where feedback_id = ? and kind in"
                    + " ('ACKNOWLEDGED', 'UNDERSTANDING_SUMMARIZED', 'UNDERSTANDING_CORRECTED')", String.class,
                    forgotten)).hasSize(3).containsOnlyNulls();
            assertThat(feed.text("select text from receipt_step where step_id = ?",
                    initiative + "-learning:" + forgotten)).isEqualTo("We decided " + initiative + "-learning");
            assertThat(feed.text("select text from receipt_view where feedback_id = ?", initiative + "-feedback-4"))
                    .isEqualTo("Words of " + initiative + "-feedback-4");
            assertThat(feed.text("select text from receipt_step where step_id = ?", initiative + "-feedback-0:3"))
                    .isEqualTo("Not quite 0");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void redeliveredEventsAmongNewOnesChangeNothingAndTheNewOnesApply(String vendor) throws SQLException {
        Feed feed = new Feed(vendor);
        List<EventMessage<?>> events = story();
        feed.batch(events);
        List<String> once = feed.rows();
        Messages later = new Messages();
        LoopEvents loop = LoopEvents.feedback("late", "initiative-a");

        List<EventMessage<?>> mixed = new ArrayList<>(events);
        Collections.reverse(mixed);
        mixed.add(events.size() / 2, later.of("late", loop.submitted(hoursAfterT0(10))));
        mixed.add(later.of("late", loop.acknowledged(hoursAfterT0(11))));
        feed.batch(mixed);

        List<String> rows = feed.rows();
        assertThat(rows).containsAll(once).hasSize(once.size() + 3);
        assertThat(feed.text("select status from receipt_view where feedback_id = ?", "late")).isEqualTo("ACKNOWLEDGED");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventThatCannotBeStoredFailsItsBatchAndIsFoundAloneWhileTheRestApply(String vendor) throws SQLException {
        Feed feed = new Feed(vendor);
        List<EventMessage<?>> events = story();
        events.forEach(event -> feed.batch(List.of(event)));
        List<String> eventByEvent = feed.rows();
        feed.transaction.executeWithoutResult(status -> feed.projection.reset());

        List<EventMessage<?>> batch = new ArrayList<>(events);
        // a language tag longer than the column, as an app without today's caps could have stored it
        FeedbackSubmitted unstorable = new FeedbackSubmitted("odd-one", "initiative-b", "Words", Channel.WEB,
                "en-" + "a".repeat(40), "parents", null, false, "hash", hoursAfterT0(72), T0, Actors.PARTICIPANT);
        batch.add(batch.size() / 2, new Messages().of("odd-one", unstorable));

        assertThatThrownBy(() -> feed.batch(batch)).isInstanceOf(RuntimeException.class);
        assertThat(feed.rows()).isEmpty();

        // as the parking does: the batch again, each event in a transaction of its own
        List<Object> parked = AppliedAlone.failing(feed.transaction, feed.alone, batch, feed::handle).stream()
                .<Object>map(EventMessage::getPayload).toList();

        assertThat(parked).containsExactly(unstorable);
        assertThat(feed.rows()).isEqualTo(eventByEvent);
    }
}
