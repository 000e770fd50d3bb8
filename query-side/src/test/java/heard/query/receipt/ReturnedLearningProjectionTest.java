package heard.query.receipt;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.feedback;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static heard.query.LoopEvents.learningPublished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import heard.events.FeedbackStatus;
import heard.events.ReceiptTokens;
import heard.query.DecisionEvents;
import heard.query.LoopEvents;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import heard.query.initiative.InitiativeReadModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ProjectionTest
@Import({ReturnedLearningProjection.class, ReturnedLearningReader.class, InitiativeReadModel.class})
class ReturnedLearningProjectionTest {
    private static final String INITIATIVE = "initiative-1";

    @Autowired
    ReturnedLearningProjection projection;
    @Autowired
    ReturnedLearningReader reader;
    @Autowired
    InitiativeReadModel initiatives;
    @Autowired
    EventDelivery delivery;

    private final LoopEvents loop = feedback("feedback-1", INITIATIVE);

    @BeforeEach
    void launchInitiative() {
        delivery.deliver(() -> initiatives.on(launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(3600))));
    }

    @Test
    void aForgottenParticipantsWordsLeaveTheFeedWhileItsStepsAndPublicTextsStay() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "You want a crossing guard", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.corrected(1, "In the afternoon", hoursAfterT0(3)), 3));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(4),
                loop.feedbackId())));

        delivery.deliver(() -> projection.on(loop.forgotten(hoursAfterT0(5)), 4));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();
        assertThat(feed.text()).isNull();
        assertThat(feed.forgottenAt()).isEqualTo(hoursAfterT0(5));
        assertThat(feed.status()).isEqualTo(FeedbackStatus.CORRECTED);
        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::step, ReturnedLearning.Step::text)
                .containsExactly(
                        tuple(StepKind.SUBMITTED, null),
                        tuple(StepKind.ACKNOWLEDGED, null),
                        tuple(StepKind.UNDERSTANDING_SUMMARIZED, null),
                        tuple(StepKind.UNDERSTANDING_CORRECTED, null),
                        tuple(StepKind.LEARNING_PUBLISHED, "We decided learning-1"),
                        tuple(StepKind.FORGOTTEN, null));
    }

    @Test
    void theFeedShowsEveryStepOfTheLoopInOrder() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "You want a crossing guard", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.corrected(1, "In the afternoon", hoursAfterT0(3)), 3));
        delivery.deliver(() -> projection.on(loop.summarized(2, "You want an afternoon guard", hoursAfterT0(4)), 4));
        delivery.deliver(() -> projection.on(loop.confirmed(2, hoursAfterT0(5)), 5));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(6), "transport", "safety"), 6));
        // the loop is closed at the learning's own instant, and the two streams may arrive in either order
        delivery.deliver(() -> projection.on(loop.loopClosed("learning-1", hoursAfterT0(7)), 7));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(7),
                loop.feedbackId())));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();

        assertThat(feed.feedbackId()).isEqualTo(loop.feedbackId());
        assertThat(feed.initiativeTitle()).isEqualTo("Safer routes to school");
        assertThat(feed.text()).isEqualTo("Words of feedback-1");
        assertThat(feed.status()).isEqualTo(FeedbackStatus.LOOP_CLOSED);
        assertThat(feed.submittedAt()).isEqualTo(T0);
        assertThat(feed.acknowledgeBy()).isEqualTo(hoursAfterT0(72));
        assertThat(feed.themes()).containsExactly("transport", "safety");
        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::step).containsExactly(
                StepKind.SUBMITTED,
                StepKind.ACKNOWLEDGED,
                StepKind.UNDERSTANDING_SUMMARIZED,
                StepKind.UNDERSTANDING_CORRECTED,
                StepKind.UNDERSTANDING_SUMMARIZED,
                StepKind.UNDERSTANDING_CONFIRMED,
                StepKind.THEMED,
                StepKind.LEARNING_PUBLISHED,
                StepKind.LOOP_CLOSED);
        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::text).containsExactly(
                null,
                "Thank you, we read it",
                "You want a crossing guard",
                "In the afternoon",
                "You want an afternoon guard",
                null,
                null,
                "We decided learning-1",
                null);
        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::at).containsExactly(
                T0, hoursAfterT0(1), hoursAfterT0(2), hoursAfterT0(3), hoursAfterT0(4), hoursAfterT0(5),
                hoursAfterT0(6), hoursAfterT0(7), hoursAfterT0(7));
        ReturnedLearning.Step themed = feed.timeline().get(6);
        assertThat(themed.themes()).containsExactly("transport", "safety");
        ReturnedLearning.Step published = feed.timeline().get(7);
        assertThat(published.learningId()).isEqualTo("learning-1");
        assertThat(published.learningTitle()).isEqualTo("Learning learning-1");
        assertThat(feed.timeline().get(8).learningId()).isEqualTo("learning-1");
    }

    @Test
    void aRedeliveredEventDoesNotDoubleAStep() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(2), "transport"), 2));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(2), "transport"), 2));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(3),
                loop.feedbackId())));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(3),
                loop.feedbackId())));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();

        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::step).containsExactly(
                StepKind.SUBMITTED, StepKind.ACKNOWLEDGED, StepKind.THEMED, StepKind.LEARNING_PUBLISHED);
        assertThat(feed.themes()).containsExactly("transport");
    }

    @Test
    void aRedeliveredSubmissionDoesNotSetTheLoopBack() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(2), "transport"), 2));
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();

        assertThat(feed.status()).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
        assertThat(feed.themes()).containsExactly("transport");
        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::step)
                .containsExactly(StepKind.SUBMITTED, StepKind.ACKNOWLEDGED, StepKind.THEMED);
    }

    @Test
    void aLateConfirmationAfterTheLoopClosedIsShownButKeepsTheLoopClosed() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "You want a crossing guard", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.loopClosed("learning-1", hoursAfterT0(3)), 3));
        delivery.deliver(() -> projection.on(loop.confirmed(1, hoursAfterT0(4)), 4));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();

        assertThat(feed.status()).isEqualTo(FeedbackStatus.LOOP_CLOSED);
        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::step).containsExactly(
                StepKind.SUBMITTED, StepKind.ACKNOWLEDGED, StepKind.UNDERSTANDING_SUMMARIZED, StepKind.LOOP_CLOSED,
                StepKind.UNDERSTANDING_CONFIRMED);
    }

    @Test
    void theSummaryAwaitingAnAnswerIsTheLatestRound() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "First try", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.corrected(1, "Not quite", hoursAfterT0(3)), 3));
        assertThat(reader.open(loop.receiptToken()).orElseThrow().summaryAwaitingAnswer()).isNull();

        delivery.deliver(() -> projection.on(loop.summarized(2, "Second try", hoursAfterT0(4)), 4));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();
        assertThat(feed.status()).isEqualTo(FeedbackStatus.UNDERSTANDING_SUMMARIZED);
        assertThat(feed.summaryAwaitingAnswer()).isEqualTo("Second try");
    }

    @Test
    void eachReceiptOpensOnlyItsOwnFeedback() {
        LoopEvents neighbour = feedback("feedback-2", INITIATIVE);
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(neighbour.submitted(hoursAfterT0(1)), 0));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(2),
                neighbour.feedbackId())));

        ReturnedLearning mine = reader.open(loop.receiptToken()).orElseThrow();

        assertThat(mine.feedbackId()).isEqualTo("feedback-1");
        assertThat(mine.timeline()).extracting(ReturnedLearning.Step::step).containsExactly(StepKind.SUBMITTED);
        assertThat(reader.open(neighbour.receiptToken()).orElseThrow().timeline())
                .extracting(ReturnedLearning.Step::step)
                .containsExactly(StepKind.SUBMITTED, StepKind.LEARNING_PUBLISHED);
    }

    @Test
    void theFeedShowsEachDecisionTheFeedbackInformedOrMovedWithItsVersion() {
        DecisionEvents crossing = DecisionEvents.decision("decision-1", INITIATIVE);
        DecisionEvents buses = DecisionEvents.decision("decision-2", INITIATIVE);
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        delivery.deliver(() -> projection.on(crossing.proposed("Staff the crossing", hoursAfterT0(1),
                loop.feedbackId(), "feedback-9"), 0));
        delivery.deliver(() -> projection.on(buses.proposed("Walking buses", hoursAfterT0(2)), 0));
        delivery.deliver(() -> projection.on(crossing.revisedHypothesis(2, "before", "after",
                "You told us the afternoon is worse", hoursAfterT0(3), loop.feedbackId()), 1));
        delivery.deliver(() -> projection.on(buses.revisedHypothesis(2, "before", "after", "Not yours",
                hoursAfterT0(4), "feedback-9"), 1));
        delivery.deliver(() -> projection.on(buses.linked(2, "Heard at the meeting", hoursAfterT0(5),
                loop.feedbackId()), 2));

        ReturnedLearning feed = reader.open(loop.receiptToken()).orElseThrow();

        assertThat(feed.timeline()).extracting(ReturnedLearning.Step::step).containsExactly(
                StepKind.SUBMITTED, StepKind.DECISION_INFORMED, StepKind.DECISION_REVISED,
                StepKind.DECISION_INFORMED);
        ReturnedLearning.Step informed = feed.timeline().get(1);
        assertThat(informed.decisionId()).isEqualTo("decision-1");
        assertThat(informed.decisionTitle()).isEqualTo("Staff the crossing");
        assertThat(informed.decisionVersion()).isEqualTo(1);
        assertThat(informed.at()).isEqualTo(hoursAfterT0(1));
        ReturnedLearning.Step revised = feed.timeline().get(2);
        assertThat(revised.decisionId()).isEqualTo("decision-1");
        assertThat(revised.decisionTitle()).as("kept from the proposal").isEqualTo("Staff the crossing");
        assertThat(revised.decisionVersion()).isEqualTo(2);
        assertThat(revised.text()).isEqualTo("You told us the afternoon is worse");
        ReturnedLearning.Step linked = feed.timeline().get(3);
        assertThat(linked.decisionId()).isEqualTo("decision-2");
        assertThat(linked.decisionTitle()).isEqualTo("Walking buses");
        assertThat(linked.decisionVersion()).isEqualTo(2);
    }

    @Test
    void aRedeliveredDecisionEventDoesNotDoubleItsStep() {
        DecisionEvents crossing = DecisionEvents.decision("decision-1", INITIATIVE);
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));
        for (int delivered = 0; delivered < 2; delivered++) {
            delivery.deliver(() -> projection.on(crossing.proposed("Staff the crossing", hoursAfterT0(1),
                    loop.feedbackId()), 0));
            delivery.deliver(() -> projection.on(crossing.revisedHypothesis(2, "before", "after", "Why",
                    hoursAfterT0(2), loop.feedbackId(), loop.feedbackId()), 1));
            delivery.deliver(() -> projection.on(crossing.linked(2, "More", hoursAfterT0(3), "feedback-7"), 2));
        }

        assertThat(reader.open(loop.receiptToken()).orElseThrow().timeline()).extracting(ReturnedLearning.Step::step)
                .containsExactly(StepKind.SUBMITTED, StepKind.DECISION_INFORMED, StepKind.DECISION_REVISED);
    }

    @Test
    void anUnknownOrMalformedTokenOpensNothing() {
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));

        assertThat(reader.open(ReceiptTokens.newToken())).isEmpty();
        assertThat(reader.open(ReceiptTokens.hash(loop.receiptToken()))).isEmpty();
        assertThat(reader.open(null)).isEmpty();
        assertThat(reader.open(loop.receiptToken())).isPresent();
    }
}
