package heard.command.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionProposed;
import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import heard.wiring.AxonInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proposals stored before revision 2 stay readable: the stored form under
 * {@code events/DecisionProposed-revision-1.json} is what the store held then.
 */
class DecisionProposedUpcasterTest {
    private static final String DECISION = "3f6c2a9e-4b1d-4e8a-9c57-0d2e7b1a6f40";

    private final Serializer serializer = new AxonInfrastructure().serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new DecisionProposedUpcaster());

    @ParameterizedTest(name = "stored revision {0}")
    @NullSource
    @ValueSource(strings = "1")
    void aStoredRevisionOneProposalReadsWithNoAffectedGroups(String storedRevision) throws IOException {
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(stored(storedRevision), serializer)))
                .toList();

        assertThat(upcast).singleElement().satisfies(representation -> {
            assertThat(representation.getType().getName()).isEqualTo("heard.events.DecisionProposed");
            assertThat(representation.getType().getRevision()).isEqualTo("2");
            assertThat(representation.getData(JsonNode.class).getData().get("affectedGroups").isArray()).isTrue();
        });
        assertThat(read(upcast.get(0)))
                .isEqualTo(revisionOneAsRevisionTwo());
    }

    @Test
    void theEventStoresReadPathGivesTheProposalWithAnEmptyListOfAffectedGroups() throws IOException {
        List<? extends DomainEventMessage<?>> read = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored("1")), serializer, upcasters))
                .toList();

        assertThat(read).singleElement().satisfies(message -> {
            assertThat(message.getAggregateIdentifier()).isEqualTo(DECISION);
            assertThat(message.getPayload()).isEqualTo(revisionOneAsRevisionTwo());
            assertThat(((DecisionProposed) message.getPayload()).affectedGroups()).isEmpty();
        });
    }

    @Test
    void leavesRevisionTwoAlone() {
        DecisionProposed current = new DecisionProposed(DECISION, "initiative-1", "t", "h", "o",
                EngagementLevel.DEFER_TO, LocalDate.parse("2025-06-30"), List.of(), List.of(), List.of("parents"), "r",
                Instant.parse("2025-04-01T10:00:00Z"), "leader");
        SerializedObject<byte[]> serialized = serializer.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(new InitialEventRepresentation(
                entry(serialized.getType().getName(), "2", serialized.getData()), serializer))).toList();

        assertThat(read(upcast.get(0))).isEqualTo(current);
    }

    @Test
    void leavesOtherEventsAlone() {
        DecisionEvidenceLinked linked = new DecisionEvidenceLinked(DECISION, "initiative-1", 1, List.of("f-1"), "n",
                Instant.parse("2025-04-01T10:00:00Z"), "analyst");
        SerializedObject<byte[]> serialized = serializer.serialize(linked, byte[].class);

        List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(new InitialEventRepresentation(
                entry(serialized.getType().getName(), null, serialized.getData()), serializer))).toList();

        assertThat(upcast).singleElement().satisfies(representation -> {
            assertThat(representation.getType()).isEqualTo(serialized.getType());
            assertThat(read(representation))
                    .isEqualTo(linked);
        });
    }

    private Object read(IntermediateEventRepresentation representation) {
        return serializer.deserialize(representation.getData());
    }

    /** The fields of the stored file, as revision 2 reads them. */
    private static DecisionProposed revisionOneAsRevisionTwo() {
        return new DecisionProposed(DECISION, "8a1d5c3e-2f7b-4a96-b0e4-5c9d1e2f3a7b", "A crossing guard on Elm Street",
                "If we post a crossing guard at Elm and 5th before and after school, then more families let their "
                        + "children walk",
                "The share of students who walk rises from 30% to 40% by the end of the spring term",
                EngagementLevel.CONSULT, LocalDate.parse("2025-06-30"),
                List.of(new IndicatorTarget("c0b7e1f2-9a3d-4c58-8e6b-2d4f7a1c9e03", 0.3, 0.4)),
                List.of("5d2e8f1a-7c3b-4e9d-a6f0-1b4c8d2e7f95", "9e4a1c7d-2b8f-4d63-b5e0-7f1a3c9d2e48"), List.of(),
                "Parents at the March meeting and in twelve text messages named the crossing as the reason they drive",
                Instant.parse("2025-04-01T10:00:00Z"), "leader");
    }

    private static GenericDomainEventEntry<byte[]> stored(String revision) throws IOException {
        try (InputStream in = DecisionProposedUpcasterTest.class
                .getResourceAsStream("/events/DecisionProposed-revision-1.json")) {
            assertThat(in).as("the stored revision-1 proposal").isNotNull();
            return entry("heard.events.DecisionProposed", revision, in.readAllBytes());
        }
    }

    private static GenericDomainEventEntry<byte[]> entry(String payloadType, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Decision", DECISION, 0, "0b9d7c1e-5a3f-4e2d-8c6b-1f4a7e9d3c25",
                Instant.parse("2025-04-01T10:00:00.120Z"), payloadType, revision, payload,
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
