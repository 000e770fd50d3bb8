package heard.command.feedback;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.command.catalog.InMemoryCatalog;
import heard.command.refusals.NotFound;
import heard.command.refusals.ReceiptRejected;
import heard.command.refusals.StateConflict;
import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.ParticipantForgotten;
import heard.events.ReceiptTokens;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeedbackTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String FEEDBACK = "feedback-1";
    private static final int ACKNOWLEDGE_WITHIN_HOURS = 48;
    private static final Instant SUBMITTED_AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant LATER = SUBMITTED_AT.plus(Duration.ofHours(5));
    private static final String FACILITATOR = "facilitator";
    private static final String RECEIPT_HASH = ReceiptTokens.hash(ReceiptTokens.newToken());

    private FixtureConfiguration<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        fixture.registerInjectableResource(
                new InMemoryCatalog().withInitiative(INITIATIVE, ACKNOWLEDGE_WITHIN_HOURS, "parents", "staff"));
    }

    @Nested
    class Submit {
        @Test
        void promisesAnAcknowledgementWithinTheInitiativesTarget() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitFeedback(FEEDBACK, INITIATIVE, "The crossing on Elm St is unsafe", Channel.SMS,
                            "es", "parents", "+15550100", true, RECEIPT_HASH, SUBMITTED_AT, Actors.PARTICIPANT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FeedbackSubmitted(FEEDBACK, INITIATIVE, "The crossing on Elm St is unsafe",
                            Channel.SMS, "es", "parents", "+15550100", true, RECEIPT_HASH,
                            Instant.parse("2025-03-03T09:00:00Z"), SUBMITTED_AT, Actors.PARTICIPANT));
        }

        @Test
        void toAnUnknownInitiativeIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(submitTo("no-such-initiative", "parents"))
                    .expectException(NotFound.class)
                    .expectNoEvents();
        }

        @Test
        void fromAGroupTheInitiativeDoesNotSeekIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(submitTo(INITIATIVE, "landlords"))
                    .expectException(ruleViolationOn("stakeholderGroup"))
                    .expectNoEvents();
        }

        @Test
        void canBeRecordedByAFacilitatorOnTheParticipantsBehalf() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitFeedback(FEEDBACK, INITIATIVE, "Said at the town hall", Channel.MEETING, "en",
                            "staff", null, false, RECEIPT_HASH, SUBMITTED_AT, FACILITATOR))
                    .expectEvents(new FeedbackSubmitted(FEEDBACK, INITIATIVE, "Said at the town hall",
                            Channel.MEETING, "en", "staff", null, false, RECEIPT_HASH,
                            SUBMITTED_AT.plus(Duration.ofHours(ACKNOWLEDGE_WITHIN_HOURS)), SUBMITTED_AT, FACILITATOR));
        }

        private SubmitFeedback submitTo(String initiativeId, String group) {
            return new SubmitFeedback(FEEDBACK, initiativeId, "text", Channel.WEB, "en", group, null, false,
                    RECEIPT_HASH, SUBMITTED_AT, Actors.PARTICIPANT);
        }
    }

    @Nested
    class Acknowledge {
        @Test
        void recordsTheFacilitatorsMessage() {
            fixture.given(submitted())
                    .when(new AcknowledgeFeedback(FEEDBACK, "Thank you, we read it", LATER, FACILITATOR))
                    .expectEvents(new FeedbackAcknowledged(FEEDBACK, INITIATIVE, "Thank you, we read it", LATER,
                            FACILITATOR));
        }

        @Test
        void twiceIsAConflict() {
            fixture.given(submitted(), acknowledged())
                    .when(new AcknowledgeFeedback(FEEDBACK, "again", LATER, FACILITATOR))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void afterTheLoopClosedIsAConflict() {
            fixture.given(submitted(), loopClosed())
                    .when(new AcknowledgeFeedback(FEEDBACK, "late", LATER, FACILITATOR))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Summarize {
        @Test
        void afterAcknowledgementStartsRoundOne() {
            fixture.given(submitted(), acknowledged())
                    .when(summarize("You want a crossing guard"))
                    .expectEvents(new UnderstandingSummarized(FEEDBACK, INITIATIVE, "You want a crossing guard", 1,
                            LATER, FACILITATOR));
        }

        @Test
        void beforeAcknowledgementIsAConflict() {
            fixture.given(submitted())
                    .when(summarize("too early"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void whileASummaryAwaitsTheParticipantsAnswerIsAConflict() {
            fixture.given(submitted(), acknowledged(), summarized(1))
                    .when(summarize("another"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void afterTheParticipantConfirmedIsAConflict() {
            fixture.given(submitted(), acknowledged(), summarized(1), confirmed(1))
                    .when(summarize("another"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void afterACorrectionStartsTheNextRound() {
            fixture.given(submitted(), acknowledged(), summarized(1), corrected(1))
                    .when(summarize("You want a crossing guard in the morning"))
                    .expectEvents(new UnderstandingSummarized(FEEDBACK, INITIATIVE,
                            "You want a crossing guard in the morning", 2, LATER, FACILITATOR));
        }

        @Test
        void afterTheLoopClosedIsAConflict() {
            fixture.given(submitted(), acknowledged(), loopClosed())
                    .when(summarize("late"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        private SummarizeUnderstanding summarize(String summary) {
            return new SummarizeUnderstanding(FEEDBACK, summary, LATER, FACILITATOR);
        }
    }

    @Nested
    class Answer {
        @Test
        void confirmingRecordsTheParticipantsConfirmationOfTheRound() {
            fixture.given(submitted(), acknowledged(), summarized(1))
                    .when(answer(RECEIPT_HASH, true, null))
                    .expectEvents(new UnderstandingConfirmed(FEEDBACK, INITIATIVE, 1, LATER, Actors.PARTICIPANT));
        }

        @Test
        void correctingRecordsWhatTheSummaryGotWrong() {
            fixture.given(submitted(), acknowledged(), summarized(1))
                    .when(answer(RECEIPT_HASH, false, "In the afternoon, not the morning"))
                    .expectEvents(new UnderstandingCorrected(FEEDBACK, INITIATIVE, 1,
                            "In the afternoon, not the morning", LATER, Actors.PARTICIPANT));
        }

        @Test
        void confirmingTheSecondRoundNamesRoundTwo() {
            fixture.given(submitted(), acknowledged(), summarized(1), corrected(1), summarized(2))
                    .when(answer(RECEIPT_HASH, true, null))
                    .expectEvents(new UnderstandingConfirmed(FEEDBACK, INITIATIVE, 2, LATER, Actors.PARTICIPANT));
        }

        @Test
        void aCorrectionWithBlankTextIsRefused() {
            fixture.given(submitted(), acknowledged(), summarized(1))
                    .when(answer(RECEIPT_HASH, false, "  \n "))
                    .expectException(ruleViolationOn("correction"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionWithoutTextIsRefused() {
            fixture.given(submitted(), acknowledged(), summarized(1))
                    .when(answer(RECEIPT_HASH, false, null))
                    .expectException(ruleViolationOn("correction"))
                    .expectNoEvents();
        }

        @Test
        void withAnotherFeedbacksReceiptIsRejected() {
            fixture.given(submitted(), acknowledged(), summarized(1))
                    .when(answer(ReceiptTokens.hash(ReceiptTokens.newToken()), true, null))
                    .expectException(ReceiptRejected.class)
                    .expectNoEvents();
        }

        @Test
        void whenNoSummaryAwaitsAnAnswerIsAConflict() {
            fixture.given(submitted(), acknowledged())
                    .when(answer(RECEIPT_HASH, true, null))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondAnswerToTheSameSummaryIsAConflict() {
            fixture.given(submitted(), acknowledged(), summarized(1), confirmed(1))
                    .when(answer(RECEIPT_HASH, false, "changed my mind"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void isStillRecordedAfterTheLoopClosed() {
            fixture.given(submitted(), acknowledged(), summarized(1), loopClosed())
                    .when(answer(RECEIPT_HASH, true, null))
                    .expectEvents(new UnderstandingConfirmed(FEEDBACK, INITIATIVE, 1, LATER, Actors.PARTICIPANT));
        }

        private AnswerSummary answer(String receiptHash, boolean confirmed, String correction) {
            return new AnswerSummary(FEEDBACK, receiptHash, confirmed, correction, LATER);
        }
    }

    @Nested
    class Theme {
        @Test
        void themesAreStrippedAndLowerCased() {
            fixture.given(submitted())
                    .when(theme("  Transport ", "SAFETY"))
                    .expectEvents(themed("transport", "safety"));
        }

        @Test
        void duplicatesWithinTheRequestAreRecordedOnce() {
            fixture.given(submitted())
                    .when(theme("transport", "Transport", " transport", "safety"))
                    .expectEvents(themed("transport", "safety"));
        }

        @Test
        void blankThemesAreLeftOut() {
            fixture.given(submitted())
                    .when(theme("transport", "   "))
                    .expectEvents(themed("transport"));
        }

        @Test
        void themesAlreadyPresentAreLeftOut() {
            fixture.given(submitted(), themed("transport"))
                    .when(theme("Transport", "lighting"))
                    .expectEvents(themed("lighting"));
        }

        @Test
        void nothingNewRecordsNothing() {
            fixture.given(submitted(), themed("transport", "safety"))
                    .when(theme(" SAFETY", "transport"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        private ThemeFeedback theme(String... themes) {
            return new ThemeFeedback(FEEDBACK, List.of(themes), LATER, "analyst");
        }

        private FeedbackThemed themed(String... themes) {
            return new FeedbackThemed(FEEDBACK, INITIATIVE, List.of(themes), LATER, "analyst");
        }
    }

    @Nested
    class Close {
        @Test
        void closesTheLoopWithTheLearningThatNamedIt() {
            fixture.given(submitted(), acknowledged())
                    .when(new CloseLoop(FEEDBACK, "learning-1", LATER, "leader"))
                    .expectEvents(new FeedbackLoopClosed(FEEDBACK, INITIATIVE, "learning-1", LATER, "leader"));
        }

        @Test
        void closingTwiceRecordsNothing() {
            fixture.given(submitted(), loopClosed())
                    .when(new CloseLoop(FEEDBACK, "learning-2", LATER, "leader"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Forget {
        private final ParticipantForgotten forgotten = new ParticipantForgotten(FEEDBACK, INITIATIVE, LATER,
                Actors.PARTICIPANT);

        @Test
        void byTheParticipantWithTheirReceipt() {
            fixture.given(submitted(), acknowledged())
                    .when(new ForgetParticipant(FEEDBACK, RECEIPT_HASH, LATER, Actors.PARTICIPANT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(forgotten);
        }

        @Test
        void byAnAdminWithoutAReceipt() {
            fixture.given(submitted())
                    .when(new ForgetParticipant(FEEDBACK, null, LATER, "admin"))
                    .expectEvents(new ParticipantForgotten(FEEDBACK, INITIATIVE, LATER, "admin"));
        }

        @Test
        void withAnotherReceiptIsRefused() {
            fixture.given(submitted())
                    .when(new ForgetParticipant(FEEDBACK, ReceiptTokens.hash(ReceiptTokens.newToken()), LATER,
                            Actors.PARTICIPANT))
                    .expectException(ReceiptRejected.class)
                    .expectNoEvents();
        }

        @Test
        void twiceRecordsNothing() {
            fixture.given(submitted(), forgotten)
                    .when(new ForgetParticipant(FEEDBACK, RECEIPT_HASH, LATER, Actors.PARTICIPANT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void thenNoAcknowledgementIsRecorded() {
            fixture.given(submitted(), forgotten)
                    .when(new AcknowledgeFeedback(FEEDBACK, "Thank you", LATER, FACILITATOR))
                    .expectException(StateConflict.class);
        }

        @Test
        void thenNoSummaryIsRecorded() {
            fixture.given(submitted(), acknowledged(), forgotten)
                    .when(new SummarizeUnderstanding(FEEDBACK, "You said", LATER, FACILITATOR))
                    .expectException(StateConflict.class);
        }

        @Test
        void thenNoCorrectionIsRecorded() {
            fixture.given(submitted(), acknowledged(), summarized(1), forgotten)
                    .when(new AnswerSummary(FEEDBACK, RECEIPT_HASH, false, "No", LATER))
                    .expectException(StateConflict.class);
        }

        @Test
        void yetTheirFeedbackIsStillThemed() {
            fixture.given(submitted(), forgotten)
                    .when(new ThemeFeedback(FEEDBACK, List.of("transport"), LATER, FACILITATOR))
                    .expectEvents(new FeedbackThemed(FEEDBACK, INITIATIVE, List.of("transport"), LATER, FACILITATOR));
        }

        @Test
        void andItsLoopStillClosed() {
            fixture.given(submitted(), forgotten)
                    .when(new CloseLoop(FEEDBACK, "learning-1", LATER, "leader"))
                    .expectEvents(new FeedbackLoopClosed(FEEDBACK, INITIATIVE, "learning-1", LATER, "leader"));
        }
    }

    private static FeedbackSubmitted submitted() {
        return new FeedbackSubmitted(FEEDBACK, INITIATIVE, "The crossing on Elm St is unsafe", Channel.WEB, "en",
                "parents", null, false, RECEIPT_HASH, SUBMITTED_AT.plus(Duration.ofHours(ACKNOWLEDGE_WITHIN_HOURS)),
                SUBMITTED_AT, Actors.PARTICIPANT);
    }

    private static FeedbackAcknowledged acknowledged() {
        return new FeedbackAcknowledged(FEEDBACK, INITIATIVE, "Thank you", SUBMITTED_AT.plusSeconds(60), FACILITATOR);
    }

    private static UnderstandingSummarized summarized(int round) {
        return new UnderstandingSummarized(FEEDBACK, INITIATIVE, "Summary " + round, round,
                SUBMITTED_AT.plusSeconds(120L * round), FACILITATOR);
    }

    private static UnderstandingConfirmed confirmed(int round) {
        return new UnderstandingConfirmed(FEEDBACK, INITIATIVE, round, SUBMITTED_AT.plusSeconds(120L * round + 60),
                Actors.PARTICIPANT);
    }

    private static UnderstandingCorrected corrected(int round) {
        return new UnderstandingCorrected(FEEDBACK, INITIATIVE, round, "Not quite",
                SUBMITTED_AT.plusSeconds(120L * round + 60), Actors.PARTICIPANT);
    }

    private static FeedbackLoopClosed loopClosed() {
        return new FeedbackLoopClosed(FEEDBACK, INITIATIVE, "learning-1", SUBMITTED_AT.plusSeconds(3600), "leader");
    }
}
