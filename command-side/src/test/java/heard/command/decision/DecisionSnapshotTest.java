package heard.command.decision;

import static org.assertj.core.api.Assertions.assertThat;

import heard.command.catalog.InMemoryCatalog;
import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import heard.wiring.AxonInfrastructure;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A decision's stream grows with every revision, so it is loaded from snapshots; a snapshot is the
 * aggregate written with the event store's serializer. Its state is in private fields, which a
 * careless Jackson setup writes as {@code {}}: a decision read from such a snapshot would forget its
 * version, hypothesis and verdict.
 */
class DecisionSnapshotTest {
    private static final String DECISION = "decision-1";
    private static final String INITIATIVE = "initiative-1";
    private static final Instant AT = Instant.parse("2025-04-01T10:00:00Z");

    private final Serializer serializer = new AxonInfrastructure().serializer();
    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(new InMemoryCatalog());
    }

    @Test
    void aDecisionThatWasRevisedLinkedAndAssessedSurvivesItsSnapshot() {
        Decision decision = decisionAfter(
                new DecisionProposed(DECISION, INITIATIVE, "Crossing guard", "If we add a guard, more walk",
                        "Walking share 40%", EngagementLevel.CONSULT, LocalDate.parse("2025-06-30"),
                        List.of(new IndicatorTarget("indicator-walking", 0.3, 0.4)), List.of("feedback-1"),
                        List.of("parents"), "Parents asked", AT, "leader"),
                new DecisionRevised(DECISION, INITIATIVE, 2, "If we add two guards, more walk", null,
                        EngagementLevel.COLLABORATE, LocalDate.parse("2025-09-30"),
                        List.of(new IndicatorTarget("indicator-walking", 0.3, 0.45),
                                new IndicatorTarget("indicator-incidents", 4, 1)),
                        List.of(new FieldChange("hypothesis", "If we add a guard, more walk",
                                "If we add two guards, more walk")),
                        "One guard is not enough", List.of("feedback-2"), AT.plusSeconds(60), "leader"),
                new DecisionEvidenceLinked(DECISION, INITIATIVE, 2, List.of("feedback-3", "feedback-2"), "May",
                        AT.plusSeconds(120), "analyst"),
                new DecisionReviewDue(DECISION, INITIATIVE, 2, LocalDate.parse("2025-09-30"),
                        Instant.parse("2025-10-01T00:00:00Z"), "system"),
                new DecisionOutcomeAssessed(DECISION, INITIATIVE, 2, Verdict.INCONCLUSIVE, "Walking share 36%",
                        "Rainy month", Instant.parse("2025-10-02T09:00:00Z"), "analyst"));

        SerializedObject<byte[]> snapshot = serializer.serialize(decision, byte[].class);
        Decision read = serializer.deserialize(snapshot);

        String json = new String(snapshot.getData(), StandardCharsets.UTF_8);
        assertThat(json).isNotEqualTo("{}").contains("\"hypothesis\"", "\"verdict\":\"INCONCLUSIVE\"");
        assertThat(read).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(decision);
        // the comparison above is only as good as the state it sees: make sure every field was set
        assertThat(stateFields()).allSatisfy(field -> assertThat(field.get(decision)).as(field.getName()).isNotNull());
        assertThat(read).extracting("version", "verdict", "reviewBy", "reviewDue")
                .containsExactly(2, Verdict.INCONCLUSIVE, LocalDate.parse("2025-09-30"), true);
        assertThat(read).extracting("evidence").asInstanceOf(InstanceOfAssertFactories.iterable(String.class))
                .containsExactly("feedback-1", "feedback-3", "feedback-2");
    }

    @Test
    void aJustProposedDecisionSurvivesItsSnapshot() {
        Decision decision = decisionAfter(new DecisionProposed(DECISION, INITIATIVE, "t", "h", "o",
                EngagementLevel.INFORM, LocalDate.parse("2025-06-30"), List.of(), List.of(), List.of(), "r", AT,
                "leader"));

        Decision read = serializer.deserialize(serializer.serialize(decision, byte[].class));

        assertThat(read).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(decision);
        assertThat(read).extracting("verdict").isNull();
    }

    private Decision decisionAfter(Object... events) {
        AtomicReference<Decision> state = new AtomicReference<>();
        fixture.given(events)
                .when(new LinkEvidence(DECISION, List.of(), "nothing new", AT, "analyst"))
                .expectState(state::set);
        return state.get();
    }

    private static List<Field> stateFields() {
        return Arrays.stream(Decision.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .peek(field -> field.setAccessible(true))
                .toList();
    }
}
