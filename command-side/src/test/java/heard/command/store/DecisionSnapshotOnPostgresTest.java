package heard.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import heard.command.catalog.InMemoryCatalog;
import heard.command.decision.AssessOutcome;
import heard.command.decision.Decision;
import heard.command.decision.LinkEvidence;
import heard.command.decision.ProposeDecision;
import heard.command.decision.ReviseDecision;
import heard.command.initiative.LaunchInitiative;
import heard.command.refusals.StateConflict;
import heard.events.EngagementLevel;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.events.Verdict;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A decision's snapshot as the running command side writes it to PostgreSQL and reads it back: the same
 * decision, every field, as its events make it; and the next command, loaded from it, sees the right version.
 */
class DecisionSnapshotOnPostgresTest {
    static CommandGateway commands;
    static EventStorageEngine store;

    final String initiativeId = UUID.randomUUID().toString();
    final String decisionId = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        ConfigurableApplicationContext context = CommandSideOnPostgres.first();
        commands = context.getBean(CommandGateway.class);
        store = context.getBean(EventStorageEngine.class);
    }

    @Test
    void aDecisionIsReadBackFromItsSnapshotWithEveryField() {
        commands.sendAndWait(new LaunchInitiative(initiativeId, "Getting to school safely", "What makes it hard?",
                List.of(new StakeholderGroup("families", "Families", StakeholderRole.BENEFICIARY, 0.6)),
                List.of("en", "es"), 72, Instant.now(), "leader"));
        commands.sendAndWait(new ProposeDecision(decisionId, initiativeId, "Earlier buses", "hypothesis 1",
                "Waits under 10 minutes", EngagementLevel.CONSULT, LocalDate.now(ZoneOffset.UTC).plusDays(30),
                List.of(), List.of(), List.of("families"), "Families told us", Instant.now(), "leader"));
        for (int version = 1; version < 9; version++) {
            commands.sendAndWait(reviseTo(version, "hypothesis " + (version + 1)));
        }
        commands.sendAndWait(new AssessOutcome(decisionId, Verdict.INCONCLUSIVE, "Waits fell to 14 minutes",
                "Fridays still late", Instant.now(), "analyst"));

        await().atMost(Duration.ofSeconds(20)).until(() -> store.readSnapshot(decisionId).isPresent());
        DomainEventMessage<?> snapshot = store.readSnapshot(decisionId).orElseThrow();
        Decision read = (Decision) snapshot.getPayload();

        assertThat(read).usingRecursiveComparison().withStrictTypeChecking()
                .isEqualTo(sourcedFromEventsUpTo(snapshot.getSequenceNumber()));
        assertThat(stateFields()).allSatisfy(field -> assertThat(field.get(read)).as(field.getName()).isNotNull());
        assertThat(read).extracting("decisionId", "version", "hypothesis", "verdict")
                .containsExactly(decisionId, 9, "hypothesis 9", Verdict.INCONCLUSIVE);

        // the next commands load the decision from its snapshot and the events after it
        assertThatThrownBy(() -> commands.sendAndWait(reviseTo(8, "a stale idea")))
                .isInstanceOf(StateConflict.class);
        assertThat(commands.<Integer>sendAndWait(reviseTo(9, "hypothesis 10"))).isEqualTo(10);
    }

    private Decision sourcedFromEventsUpTo(long sequenceNumber) {
        Object[] events = store.readEvents(decisionId).asStream()
                .filter(event -> event.getSequenceNumber() <= sequenceNumber)
                .map(DomainEventMessage::getPayload).toArray();
        var fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(new InMemoryCatalog());
        AtomicReference<Decision> state = new AtomicReference<>();
        fixture.given(events).when(new LinkEvidence(decisionId, List.of(), "nothing new", Instant.now(), "analyst"))
                .expectState(state::set);
        return state.get();
    }

    private ReviseDecision reviseTo(int expectedVersion, String hypothesis) {
        return new ReviseDecision(decisionId, expectedVersion, hypothesis, null, null, null, null, "Heard more",
                List.of(), Instant.now(), "leader");
    }

    private static List<Field> stateFields() {
        return Arrays.stream(Decision.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .peek(field -> field.setAccessible(true))
                .toList();
    }
}
