package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.command.decision.ProposeDecision;
import heard.command.decision.ReviseDecision;
import heard.command.initiative.LaunchInitiative;
import heard.command.refusals.StateConflict;
import heard.events.DecisionProposed;
import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How decisions are kept in the running application's event store: old forms upcast, long streams snapshotted. */
@StandaloneTest
class DecisionStoreTest {
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    String initiativeId = UUID.randomUUID().toString();
    String decisionId = UUID.randomUUID().toString();

    @BeforeEach
    void launch() {
        commands.sendAndWait(new LaunchInitiative(initiativeId, "Getting to school safely",
                "What makes the trip to school hard for your family?",
                List.of(new StakeholderGroup("families", "Families", StakeholderRole.BENEFICIARY, 0.6)),
                List.of("en"), 72, Instant.now(), "leader"));
    }

    @Test
    void aProposalStoredAtRevisionOneIsReadWithNoAffectedGroups() {
        String stored = """
                {"decisionId":"%s","initiativeId":"%s","title":"Crossing guard",\
                "hypothesis":"If we add a crossing guard, then more families walk",\
                "expectedOutcome":"Walking share rises to 40%%","engagementLevel":"CONSULT","reviewBy":"2025-06-30",\
                "indicators":[{"indicatorId":"indicator-1","baseline":0.3,"target":0.4}],"evidence":[],\
                "rationale":"Families asked for it","at":"2025-04-01T10:00:00Z","actor":"leader"}"""
                .formatted(decisionId, initiativeId);
        jdbc.sql("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (next value for domain_event_entry_seq, ?, ?, 0, 'Decision', ?,
                            'heard.events.DecisionProposed', '1', ?, ?)""")
                .params(UUID.randomUUID().toString(), decisionId, "2025-04-01T10:00:00.120Z",
                        stored.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))
                .update();

        DomainEventMessage<?> read = events.readEvents(decisionId).next();

        assertThat(read.getPayload()).isEqualTo(new DecisionProposed(decisionId, initiativeId, "Crossing guard",
                "If we add a crossing guard, then more families walk", "Walking share rises to 40%",
                EngagementLevel.CONSULT, LocalDate.parse("2025-06-30"),
                List.of(new IndicatorTarget("indicator-1", 0.3, 0.4)), List.of(), List.of(), "Families asked for it",
                Instant.parse("2025-04-01T10:00:00Z"), "leader"));
    }

    @Test
    void aDecisionRevisedManyTimesIsLoadedFromItsSnapshotAtItsCurrentVersion() {
        commands.sendAndWait(new ProposeDecision(decisionId, initiativeId, "Crossing guard", "hypothesis 1",
                "Walking share rises to 40%", EngagementLevel.CONSULT, LocalDate.now(ZoneOffset.UTC).plusDays(30),
                List.of(), List.of(), List.of("families"), "Families asked for it", Instant.now(), "leader"));
        int version = 1;
        for (int revision = 2; revision <= 12; revision++) {
            version = commands.<Integer>sendAndWait(reviseTo(version, "hypothesis " + revision));
        }
        assertThat(version).isEqualTo(12);
        eventually().until(() -> !snapshots().isEmpty());
        assertThat(snapshots()).allSatisfy(json -> assertThat(json).isNotEqualTo("{}").contains("\"version\""));

        // loaded from the snapshot plus the events after it: a stale version is still refused, the current accepted
        assertThatThrownBy(() -> commands.sendAndWait(reviseTo(11, "a stale idea"))).isInstanceOf(StateConflict.class);
        assertThat(commands.<Integer>sendAndWait(reviseTo(12, "hypothesis 13"))).isEqualTo(13);
        assertThat(events.readEvents(decisionId, 0).asStream().count()).isEqualTo(13);
    }

    private ReviseDecision reviseTo(int expectedVersion, String hypothesis) {
        return new ReviseDecision(decisionId, expectedVersion, hypothesis, null, null, null, null, "Heard more",
                List.of(), Instant.now(), "leader");
    }

    private List<String> snapshots() {
        return jdbc.sql("select payload from snapshot_event_entry where aggregate_identifier = ?")
                .param(decisionId)
                .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
    }
}
