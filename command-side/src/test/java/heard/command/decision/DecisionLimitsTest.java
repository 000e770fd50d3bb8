package heard.command.decision;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.command.catalog.InMemoryCatalog;
import heard.events.DecisionProposed;
import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import heard.limits.InputLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A decision holds only what its versions, its history and the receipts can store. */
class DecisionLimitsTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String DECISION = "decision-1";
    private static final Instant AT = Instant.parse("2025-04-01T10:00:00Z");
    private static final LocalDate REVIEW_BY = LocalDate.parse("2025-06-30");

    private final InMemoryCatalog catalog = new InMemoryCatalog().withInitiative(INITIATIVE, 72, "parents")
            .withFeedback("feedback-1", INITIATIVE);
    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(catalog);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "hypothesis", "expectedOutcome", "rationale"})
    void aProposalWithATextLongerThanItsCapIsRefused(String field) {
        fixture.givenNoPriorActivity()
                .when(new ProposeDecision(DECISION, INITIATIVE,
                        field.equals("title") ? over(InputLimits.TITLE) : "t",
                        field.equals("hypothesis") ? over(InputLimits.HYPOTHESIS) : "h",
                        field.equals("expectedOutcome") ? over(InputLimits.EXPECTED_OUTCOME) : "o",
                        EngagementLevel.CONSULT, REVIEW_BY, List.of(), List.of(), List.of(),
                        field.equals("rationale") ? over(InputLimits.RATIONALE) : "r", AT, "leader"))
                .expectException(ruleViolationOn(field))
                .expectNoEvents();
    }

    @Test
    void aProposalWithMoreIndicatorsThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(propose(indicators(InputLimits.INDICATORS_PER_DECISION + 1), List.of()))
                .expectException(ruleViolationOn("indicators"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithMoreEvidenceThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(propose(List.of(), feedback(InputLimits.FEEDBACK_IDS + 1)))
                .expectException(ruleViolationOn("evidence"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hypothesis", "expectedOutcome", "rationale"})
    void aRevisionWithATextLongerThanItsCapIsRefused(String field) {
        fixture.given(proposed(List.of()))
                .when(new ReviseDecision(DECISION, 1,
                        field.equals("hypothesis") ? over(InputLimits.HYPOTHESIS) : "h2",
                        field.equals("expectedOutcome") ? over(InputLimits.EXPECTED_OUTCOME) : "o2", null, null, null,
                        field.equals("rationale") ? over(InputLimits.RATIONALE) : "r", List.of(), AT, "leader"))
                .expectException(ruleViolationOn(field))
                .expectNoEvents();
    }

    @Test
    void aRevisionTriggeredByMoreFeedbackThanTheCapIsRefused() {
        fixture.given(proposed(List.of()))
                .when(new ReviseDecision(DECISION, 1, "h2", null, null, null, null, "r",
                        feedback(InputLimits.FEEDBACK_IDS + 1), AT, "leader"))
                .expectException(ruleViolationOn("triggeredBy"))
                .expectNoEvents();
    }

    @Test
    void aRevisionToMoreIndicatorsThanTheCapIsRefused() {
        fixture.given(proposed(List.of()))
                .when(new ReviseDecision(DECISION, 1, null, null, null, null,
                        indicators(InputLimits.INDICATORS_PER_DECISION + 1), "r", List.of(), AT, "leader"))
                .expectException(ruleViolationOn("indicators"))
                .expectNoEvents();
    }

    @Test
    void aLinkWithANoteLongerThanTheCapIsRefused() {
        fixture.given(proposed(List.of()))
                .when(new LinkEvidence(DECISION, List.of("feedback-1"), over(InputLimits.EVIDENCE_NOTE), AT, "analyst"))
                .expectException(ruleViolationOn("note"))
                .expectNoEvents();
    }

    @Test
    void aLinkOfMoreFeedbackThanTheCapIsRefused() {
        fixture.given(proposed(List.of()))
                .when(new LinkEvidence(DECISION, feedback(InputLimits.FEEDBACK_IDS + 1), "n", AT, "analyst"))
                .expectException(ruleViolationOn("feedbackIds"))
                .expectNoEvents();
    }

    @Test
    void evidenceLinkedOverManyLinksStopsAtTheCapForTheWholeDecision() {
        List<String> full = IntStream.range(0, InputLimits.EVIDENCE).mapToObj(i -> "earlier-" + i).toList();
        fixture.given(proposed(full))
                .when(new LinkEvidence(DECISION, List.of("feedback-1"), "n", AT, "analyst"))
                .expectException(ruleViolationOn("feedbackIds"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"observed", "note"})
    void anAssessmentWithATextLongerThanItsCapIsRefused(String field) {
        fixture.given(proposed(List.of()))
                .when(new AssessOutcome(DECISION, Verdict.SUPPORTED,
                        field.equals("observed") ? over(InputLimits.OBSERVED) : "o",
                        field.equals("note") ? over(InputLimits.OUTCOME_NOTE) : "n", AT, "analyst"))
                .expectException(ruleViolationOn(field))
                .expectNoEvents();
    }

    private ProposeDecision propose(List<IndicatorTarget> indicators, List<String> evidence) {
        return new ProposeDecision(DECISION, INITIATIVE, "t", "h", "o", EngagementLevel.CONSULT, REVIEW_BY, indicators,
                evidence, List.of(), "r", AT, "leader");
    }

    private static DecisionProposed proposed(List<String> evidence) {
        return new DecisionProposed(DECISION, INITIATIVE, "t", "h", "o", EngagementLevel.CONSULT, REVIEW_BY, List.of(),
                evidence, List.of(), "r", AT, "leader");
    }

    /** That many distinct indicators, each known to the catalog. */
    private List<IndicatorTarget> indicators(int count) {
        return IntStream.range(0, count).mapToObj(i -> "indicator-" + i)
                .peek(id -> catalog.withIndicator(id, INITIATIVE))
                .map(id -> new IndicatorTarget(id, 1, 2)).toList();
    }

    /** That many distinct feedback ids, each known to the catalog. */
    private List<String> feedback(int count) {
        return IntStream.range(0, count).mapToObj(i -> "feedback-" + i)
                .peek(id -> catalog.withFeedback(id, INITIATIVE)).toList();
    }

    private static String over(int cap) {
        return "x".repeat(cap + 1);
    }
}
