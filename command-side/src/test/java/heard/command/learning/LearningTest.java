package heard.command.learning;

import static heard.command.refusals.Rejections.ruleViolationOn;
import static org.hamcrest.Matchers.containsString;

import heard.command.catalog.InMemoryCatalog;
import heard.command.refusals.NotFound;
import heard.command.refusals.RuleViolation;
import heard.events.LearningPublished;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearningTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String OTHER_INITIATIVE = "initiative-2";
    private static final String LEARNING = "learning-1";
    private static final Instant AT = Instant.parse("2025-04-01T12:00:00Z");

    private FixtureConfiguration<Learning> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Learning.class);
        fixture.registerInjectableResource(new InMemoryCatalog()
                .withInitiative(INITIATIVE, 72, "parents")
                .withInitiative(OTHER_INITIATIVE, 72, "parents")
                .withFeedback("feedback-1", INITIATIVE)
                .withFeedback("feedback-2", INITIATIVE)
                .withFeedback("feedback-elsewhere", OTHER_INITIATIVE)
                .withDecision("decision-1", INITIATIVE)
                .withDecision("decision-elsewhere", OTHER_INITIATIVE));
    }

    @Test
    void aLearningNamesOnlyDecisionsOfItsInitiative() {
        fixture.givenNoPriorActivity()
                .when(new PublishLearning("learning-1", INITIATIVE, "t", "h", "d", "l", "n",
                        List.of("decision-1", "decision-elsewhere", "decision-unknown"), List.of(), AT, "leader"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("not decisions of this initiative: [decision-elsewhere, decision-unknown]");
    }

    @Test
    void publishingNamesTheDecisionsAndFeedbackItAnswers() {
        fixture.givenNoPriorActivity()
                .when(publish(INITIATIVE, List.of("feedback-1", "feedback-2")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(published(List.of("feedback-1", "feedback-2")));
    }

    @Test
    void aLearningThatNamesNoFeedbackMayBePublished() {
        fixture.givenNoPriorActivity()
                .when(publish(INITIATIVE, List.of()))
                .expectEvents(published(List.of()));
    }

    @Test
    void publishingToAnUnknownInitiativeIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(publish("no-such-initiative", List.of()))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void feedbackOfAnotherInitiativeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish(INITIATIVE, List.of("feedback-1", "feedback-elsewhere")))
                .expectException(ruleViolationOn("feedbackIds"))
                .expectExceptionMessage(containsString("feedback-elsewhere"))
                .expectNoEvents();
    }

    @Test
    void unknownFeedbackIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish(INITIATIVE, List.of("feedback-1", "no-such-feedback")))
                .expectException(ruleViolationOn("feedbackIds"))
                .expectExceptionMessage(containsString("no-such-feedback"))
                .expectNoEvents();
    }

    @Test
    void feedbackNamedTwiceIsRecordedOnceInTheOrderFirstNamed() {
        fixture.givenNoPriorActivity()
                .when(publish(INITIATIVE, List.of("feedback-2", "feedback-1", "feedback-2", "feedback-1")))
                .expectEvents(published(List.of("feedback-2", "feedback-1")));
    }

    private static PublishLearning publish(String initiativeId, List<String> feedbackIds) {
        return new PublishLearning(LEARNING, initiativeId, "Crossing guards on Elm St", "Mornings feel unsafe",
                "Two guards from May", "Parents walk more when guarded", "We count walkers in June",
                List.of("decision-1"), feedbackIds, AT, "leader");
    }

    private static LearningPublished published(List<String> feedbackIds) {
        return new LearningPublished(LEARNING, INITIATIVE, "Crossing guards on Elm St", "Mornings feel unsafe",
                "Two guards from May", "Parents walk more when guarded", "We count walkers in June",
                List.of("decision-1"), feedbackIds, AT, "leader");
    }
}
