package heard.query.redelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.query.batching.Upserts;
import heard.query.config.CountedDatabase;
import heard.query.config.OnBothDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An event delivered twice (as Kafka may, at a new offset) reaches a projection's handlers once, through the
 * interceptor the query side's processors have (all but those that tell a redelivery by their own rows), on H2
 * and on PostgreSQL: in batches as a processor delivers them, one transaction each, and one event at a time.
 * Prints the statements a batch costs.
 */
class SkipAppliedTest extends OnBothDatabases {
    private static final String GROUP = "initiatives";

    private final class Marks extends CountedDatabase {
        final AppliedEvents applied;
        final SkipApplied skip;
        final List<String> handled = new ArrayList<>();
        String failOn;

        Marks(String vendor) throws SQLException {
            super(vendor, postgres);
            applied = new AppliedEvents(db, new Upserts(dataSource));
            skip = new SkipApplied(GROUP, applied);
        }

        /** As a processor delivers a batch: in one transaction, through the interceptor, to the handlers. */
        List<String> batch(List<DomainEventMessage<?>> events, boolean retryingDeadLetter) {
            int before = handled.size();
            transaction.executeWithoutResult(status -> {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
                if (retryingDeadLetter) {
                    unitOfWork.resources().put(DeadLetter.class.getName(), "the letter");
                }
                var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                        List.of(skip), message -> handle((DomainEventMessage<?>) message)).proceed());
                if (result.isExceptional()) {
                    throw new IllegalStateException("the batch failed", result.exceptionResult());
                }
            });
            return List.copyOf(handled.subList(before, handled.size()));
        }

        /** One event alone, with no transaction around it. */
        List<String> alone(DomainEventMessage<?> event) throws Exception {
            int before = handled.size();
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(skip),
                    message -> handle((DomainEventMessage<?>) message)).proceed());
            return List.copyOf(handled.subList(before, handled.size()));
        }

        private Object handle(DomainEventMessage<?> event) {
            String name = name(event);
            if (name.equals(failOn)) {
                throw new IllegalStateException("cannot store " + name);
            }
            handled.add(name);
            return null;
        }
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Feedback", aggregateId, sequence, "payload");
    }

    private static String name(DomainEventMessage<?> event) {
        return event.getAggregateIdentifier() + "/" + event.getSequenceNumber();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRedeliveredEventIsNotHandledAgainAndTheNextOfItsAggregateIs(String vendor) throws SQLException {
        Marks marks = new Marks(vendor);
        assertThat(marks.batch(List.of(event("a", 0), event("a", 1), event("b", 0)), false))
                .containsExactly("a/0", "a/1", "b/0");

        assertThat(marks.batch(List.of(event("a", 1), event("b", 0), event("b", 1), event("a", 0), event("a", 2),
                event("c", 3)), false)).containsExactly("b/1", "a/2", "c/3");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchReadsItsMarksOnceAndWritesThemOnce(String vendor) throws SQLException {
        Marks marks = new Marks(vendor);
        marks.batch(List.of(event("feedback-0", 0)), false);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(event("feedback-" + (i % 50), i / 50));
        }
        // the batch meets its own events again, as after a redelivery within it
        events.addAll(events.subList(0, 10));

        marks.counted.reset();
        List<String> handled = marks.batch(events, false);

        assertThat(handled).hasSize(99).doesNotContain("feedback-0/0").doesNotHaveDuplicates();
        System.out.printf("applied marks on %s: a batch of %d events over 50 aggregates: %d statements%n",
                vendor, events.size(), marks.counted.statements());
        assertThat(marks.counted.statements()).isEqualTo(2);
        assertThat(marks.applied.lastApplied(GROUP, List.of("feedback-0", "feedback-49")))
                .containsEntry("feedback-0", 1L).containsEntry("feedback-49", 1L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchThatFailsLeavesNoMarkAndIsHandledWhenItComesAgain(String vendor) throws SQLException {
        Marks marks = new Marks(vendor);
        List<DomainEventMessage<?>> events = List.of(event("a", 0), event("b", 0), event("a", 1));
        marks.failOn = "b/0";

        assertThatThrownBy(() -> marks.batch(events, false)).isInstanceOf(IllegalStateException.class);
        marks.failOn = null;

        assertThat(marks.batch(events, false)).containsExactly("a/0", "b/0", "a/1");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsAppliedOneAtATimeWithoutATransactionAreMarkedEachAtOnce(String vendor) throws Exception {
        Marks marks = new Marks(vendor);

        assertThat(marks.alone(event("a", 0))).containsExactly("a/0");
        assertThat(marks.alone(event("a", 0))).isEmpty();
        assertThat(marks.batch(List.of(event("a", 0), event("a", 1)), false)).containsExactly("a/1");
        assertThat(marks.alone(event("a", 1))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetriedDeadLetterIsHandledThoughItsMarkWasWrittenWhenItCame(String vendor) throws SQLException {
        Marks marks = new Marks(vendor);
        marks.batch(List.of(event("a", 0), event("a", 1)), false);

        assertThat(marks.batch(List.of(event("a", 1)), true)).containsExactly("a/1");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void afterAReplayForgetsWhatWasAppliedEveryEventIsHandledAgain(String vendor) throws SQLException {
        Marks marks = new Marks(vendor);
        List<DomainEventMessage<?>> story = List.of(event("a", 0), event("a", 1));
        marks.batch(story, false);

        marks.applied.forget(GROUP);

        assertThat(marks.batch(story, false)).containsExactly("a/0", "a/1");
    }
}
