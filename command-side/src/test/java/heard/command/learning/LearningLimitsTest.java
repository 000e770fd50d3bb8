package heard.command.learning;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.command.catalog.InMemoryCatalog;
import heard.limits.InputLimits;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A learning holds only what the public feed and the receipts can store. */
class LearningLimitsTest {
    private static final Instant AT = Instant.parse("2025-04-01T12:00:00Z");
    private static final String LONG_TITLE = "t".repeat(InputLimits.TITLE + 1);
    private static final String LONG_TEXT = "x".repeat(InputLimits.LEARNING_TEXT + 1);

    private final InMemoryCatalog catalog = new InMemoryCatalog().withInitiative("initiative-1", 72, "parents");
    private FixtureConfiguration<Learning> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Learning.class);
        fixture.registerInjectableResource(catalog);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "whatWeHeard", "whatWeDecided", "whatWeLearned", "whatsNext"})
    void aTextLongerThanItsCapIsRefused(String field) {
        fixture.givenNoPriorActivity()
                .when(new PublishLearning("learning-1", "initiative-1",
                        field.equals("title") ? LONG_TITLE : "t",
                        field.equals("whatWeHeard") ? LONG_TEXT : "h",
                        field.equals("whatWeDecided") ? LONG_TEXT : "d",
                        field.equals("whatWeLearned") ? LONG_TEXT : "l",
                        field.equals("whatsNext") ? LONG_TEXT : "n", List.of(), List.of(), AT, "leader"))
                .expectException(ruleViolationOn(field))
                .expectNoEvents();
    }

    @Test
    void namingMoreDecisionsThanTheCapIsRefused() {
        List<String> decisions = ids("decision", InputLimits.DECISIONS_PER_LEARNING + 1);
        decisions.forEach(id -> catalog.withDecision(id, "initiative-1"));
        fixture.givenNoPriorActivity()
                .when(publish(decisions, List.of()))
                .expectException(ruleViolationOn("decisionIds"))
                .expectNoEvents();
    }

    @Test
    void namingMoreFeedbackThanTheCapIsRefused() {
        List<String> feedback = ids("feedback", InputLimits.FEEDBACK_IDS + 1);
        feedback.forEach(id -> catalog.withFeedback(id, "initiative-1"));
        fixture.givenNoPriorActivity()
                .when(publish(List.of(), feedback))
                .expectException(ruleViolationOn("feedbackIds"))
                .expectNoEvents();
    }

    private static PublishLearning publish(List<String> decisionIds, List<String> feedbackIds) {
        return new PublishLearning("learning-1", "initiative-1", "t", "h", "d", "l", "n", decisionIds, feedbackIds,
                AT, "leader");
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
