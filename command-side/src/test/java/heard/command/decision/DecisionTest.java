package heard.command.decision;

import static heard.command.refusals.Rejections.ruleViolationOn;
import static org.hamcrest.Matchers.containsString;

import heard.command.catalog.InMemoryCatalog;
import heard.command.refusals.NotFound;
import heard.command.refusals.StateConflict;
import heard.events.Actors;
import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String OTHER_INITIATIVE = "initiative-2";
    private static final String DECISION = "decision-1";
    private static final String LEADER = "leader";
    private static final String ANALYST = "analyst";

    private static final Instant PROPOSED_AT = Instant.parse("2025-04-01T10:00:00Z");
    private static final Instant REVISED_AT = Instant.parse("2025-04-15T16:30:00Z");
    private static final Instant ASSESSED_AT = Instant.parse("2025-05-20T09:00:00Z");
    private static final LocalDate REVIEW_BY = LocalDate.parse("2025-06-30");
    /** The review date passes when its day ends, in UTC. */
    private static final Instant REVIEW_PASSES = Instant.parse("2025-07-01T00:00:00Z");
    private static final LocalDate LATER_REVIEW_BY = LocalDate.parse("2025-09-30");
    private static final Instant LATER_REVIEW_PASSES = Instant.parse("2025-10-01T00:00:00Z");

    private static final String HYPOTHESIS = "If we add a crossing guard on Elm St, then more families walk to school";
    private static final String EXPECTED_OUTCOME = "Walking share rises from 30% to 40% by June";
    private static final IndicatorTarget WALKING = new IndicatorTarget("indicator-walking", 0.30, 0.40);
    private static final IndicatorTarget INCIDENTS = new IndicatorTarget("indicator-incidents", 4, 1);

    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(new InMemoryCatalog()
                .withInitiative(INITIATIVE, 72, "parents", "students", "staff")
                .withInitiative(OTHER_INITIATIVE, 72, "parents")
                .withFeedback("feedback-1", INITIATIVE)
                .withFeedback("feedback-2", INITIATIVE)
                .withFeedback("feedback-3", INITIATIVE)
                .withFeedback("feedback-elsewhere", OTHER_INITIATIVE)
                .withIndicator(WALKING.indicatorId(), INITIATIVE)
                .withIndicator(INCIDENTS.indicatorId(), INITIATIVE)
                .withIndicator("indicator-elsewhere", OTHER_INITIATIVE));
    }

    @Nested
    class Propose {
        @Test
        void recordsVersionOneAndSchedulesItsReview() {
            fixture.givenNoPriorActivity()
                    .when(propose())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(proposed())
                    .expectScheduledDeadlineWithName(REVIEW_PASSES, ReviewDeadline.NAME)
                    .expectScheduledDeadline(REVIEW_PASSES, new ReviewDeadline(1));
        }

        @Test
        void namesEachEvidenceAndAffectedGroupOnce() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeDecision(DECISION, INITIATIVE, "Crossing guard", HYPOTHESIS, EXPECTED_OUTCOME,
                            EngagementLevel.CONSULT, REVIEW_BY, List.of(WALKING),
                            List.of("feedback-1", "feedback-2", "feedback-1"), List.of("parents", "parents"),
                            "Parents asked for it", PROPOSED_AT, LEADER))
                    .expectEvents(new DecisionProposed(DECISION, INITIATIVE, "Crossing guard", HYPOTHESIS,
                            EXPECTED_OUTCOME, EngagementLevel.CONSULT, REVIEW_BY, List.of(WALKING),
                            List.of("feedback-1", "feedback-2"), List.of("parents"), "Parents asked for it",
                            PROPOSED_AT, LEADER));
        }

        @Test
        void mayBeReviewedTheSameDay() {
            LocalDate today = LocalDate.parse("2025-04-01");
            fixture.givenNoPriorActivity()
                    .when(proposeReviewBy(today))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadline(Instant.parse("2025-04-02T00:00:00Z"), new ReviewDeadline(1));
        }

        @Test
        void withAReviewDateThatHasPassedIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(proposeReviewBy(LocalDate.parse("2025-03-31")))
                    .expectException(ruleViolationOn("reviewBy"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void inAnUnknownInitiativeIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeDecision(DECISION, "no-such-initiative", "t", HYPOTHESIS, EXPECTED_OUTCOME,
                            EngagementLevel.INFORM, REVIEW_BY, List.of(), List.of(), List.of(), "r", PROPOSED_AT,
                            LEADER))
                    .expectException(NotFound.class)
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withEvidenceFromAnotherInitiativeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(proposeWith(List.of(WALKING), List.of("feedback-1", "feedback-elsewhere"), List.of()))
                    .expectException(ruleViolationOn("evidence"))
                    .expectExceptionMessage(containsString("[feedback-elsewhere]"))
                    .expectNoEvents();
        }

        @Test
        void withUnknownEvidenceIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(proposeWith(List.of(WALKING), List.of("feedback-unknown"), List.of()))
                    .expectException(ruleViolationOn("evidence"))
                    .expectExceptionMessage(containsString("feedback-unknown"))
                    .expectNoEvents();
        }

        @Test
        void withAnIndicatorOfAnotherInitiativeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(proposeWith(List.of(WALKING, new IndicatorTarget("indicator-elsewhere", 1, 2)), List.of(),
                            List.of()))
                    .expectException(ruleViolationOn("indicators"))
                    .expectExceptionMessage(containsString("indicator-elsewhere"))
                    .expectNoEvents();
        }

        @Test
        void namingAnIndicatorTwiceIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(proposeWith(List.of(WALKING, new IndicatorTarget(WALKING.indicatorId(), 0.3, 0.5)),
                            List.of(), List.of()))
                    .expectException(ruleViolationOn("indicators"))
                    .expectNoEvents();
        }

        @Test
        void affectingAGroupTheInitiativeDoesNotSeekIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(proposeWith(List.of(WALKING), List.of(), List.of("parents", "landlords")))
                    .expectException(ruleViolationOn("affectedGroups"))
                    .expectExceptionMessage(containsString("landlords"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Revise {
        @Test
        void recordsOnlyTheChangedValuesAndAnswersTheNewVersion() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, "If we add two crossing guards, then more families walk",
                            null, null, LATER_REVIEW_BY, null, "One guard cannot cover both corners",
                            List.of("feedback-2"), REVISED_AT, LEADER))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2)
                    .expectEvents(new DecisionRevised(DECISION, INITIATIVE, 2,
                            "If we add two crossing guards, then more families walk", null, null, LATER_REVIEW_BY,
                            null,
                            List.of(new FieldChange("hypothesis", HYPOTHESIS,
                                            "If we add two crossing guards, then more families walk"),
                                    new FieldChange("reviewBy", "2025-06-30", "2025-09-30")),
                            "One guard cannot cover both corners", List.of("feedback-2"), REVISED_AT, LEADER));
        }

        @Test
        void namesEveryChangeFromWhatToWhatInAFixedOrder() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, "new hypothesis", "new outcome",
                            EngagementLevel.COLLABORATE, LATER_REVIEW_BY,
                            List.of(new IndicatorTarget(WALKING.indicatorId(), 0.30, 0.45), INCIDENTS),
                            "Co-designed with the parents' council", List.of("feedback-2", "feedback-3", "feedback-2"),
                            REVISED_AT, LEADER))
                    .expectResultMessagePayload(2)
                    .expectEvents(new DecisionRevised(DECISION, INITIATIVE, 2, "new hypothesis", "new outcome",
                            EngagementLevel.COLLABORATE, LATER_REVIEW_BY,
                            List.of(new IndicatorTarget(WALKING.indicatorId(), 0.30, 0.45), INCIDENTS),
                            List.of(new FieldChange("hypothesis", HYPOTHESIS, "new hypothesis"),
                                    new FieldChange("expectedOutcome", EXPECTED_OUTCOME, "new outcome"),
                                    new FieldChange("engagementLevel", "CONSULT", "COLLABORATE"),
                                    new FieldChange("reviewBy", "2025-06-30", "2025-09-30"),
                                    new FieldChange("indicators", "indicator-walking: 0.3 → 0.4",
                                            "indicator-walking: 0.3 → 0.45; indicator-incidents: 4.0 → 1.0")),
                            "Co-designed with the parents' council", List.of("feedback-2", "feedback-3"), REVISED_AT,
                            LEADER));
        }

        @Test
        void aValueEqualToTheCurrentOneIsNoChange() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, HYPOTHESIS, "new outcome", EngagementLevel.CONSULT,
                            REVIEW_BY, List.of(WALKING), "Sharper outcome", List.of(), REVISED_AT, LEADER))
                    .expectEvents(new DecisionRevised(DECISION, INITIATIVE, 2, null, "new outcome", null, null, null,
                            List.of(new FieldChange("expectedOutcome", EXPECTED_OUTCOME, "new outcome")),
                            "Sharper outcome", List.of(), REVISED_AT, LEADER));
        }

        @Test
        void thatChangesNothingIsRefused() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, HYPOTHESIS, null, EngagementLevel.CONSULT, null,
                            List.of(WALKING), "no news", List.of(), REVISED_AT, LEADER))
                    .expectException(ruleViolationOn("changes"))
                    .expectNoEvents();
        }

        @Test
        void ofAStaleVersionIsAConflict() {
            fixture.given(proposed(), revisedToVersion2())
                    .when(reviseHypothesis(1, "a second leader's idea"))
                    .expectException(StateConflict.class)
                    .expectExceptionMessage(containsString("version 2, not 1"))
                    .expectNoEvents();
        }

        @Test
        void ofAVersionNotYetWrittenIsAConflict() {
            fixture.given(proposed())
                    .when(reviseHypothesis(2, "from the future"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void followsTheLatestVersion() {
            fixture.given(proposed(), revisedToVersion2())
                    .when(reviseHypothesis(2, "third thoughts"))
                    .expectResultMessagePayload(3)
                    .expectEvents(new DecisionRevised(DECISION, INITIATIVE, 3, "third thoughts", null, null, null,
                            null, List.of(new FieldChange("hypothesis", "second thoughts", "third thoughts")),
                            "Heard the parents", List.of("feedback-2"), REVISED_AT, LEADER));
        }

        @Test
        void afterASupportedOutcomeIsAConflict() {
            fixture.given(proposed(), assessed(1, Verdict.SUPPORTED))
                    .when(reviseHypothesis(1, "too late"))
                    .expectException(StateConflict.class)
                    .expectExceptionMessage(containsString("final"))
                    .expectNoEvents();
        }

        @Test
        void afterARefutedOutcomeIsAConflict() {
            fixture.given(proposed(), assessed(1, Verdict.REFUTED))
                    .when(reviseHypothesis(1, "too late"))
                    .expectException(StateConflict.class)
                    .expectNoEvents();
        }

        @Test
        void afterAnInconclusiveOutcomeIsAllowed() {
            fixture.given(proposed(), assessed(1, Verdict.INCONCLUSIVE))
                    .when(reviseHypothesis(1, "second thoughts"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2)
                    .expectEvents(revisedToVersion2());
        }

        @Test
        void withAReviewDateThatHasPassedIsRefused() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, null, null, null, LocalDate.parse("2025-04-14"), null,
                            "backdated", List.of(), REVISED_AT, LEADER))
                    .expectException(ruleViolationOn("reviewBy"))
                    .expectNoEvents();
        }

        @Test
        void triggeredByFeedbackOfAnotherInitiativeIsRefused() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, "second thoughts", null, null, null, null, "r",
                            List.of("feedback-2", "feedback-elsewhere", "feedback-unknown"), REVISED_AT, LEADER))
                    .expectException(ruleViolationOn("triggeredBy"))
                    .expectExceptionMessage(containsString("[feedback-elsewhere, feedback-unknown]"))
                    .expectNoEvents();
        }

        @Test
        void toAnIndicatorOfAnotherInitiativeIsRefused() {
            fixture.given(proposed())
                    .when(new ReviseDecision(DECISION, 1, null, null, null, null,
                            List.of(new IndicatorTarget("indicator-elsewhere", 0, 1)), "r", List.of(), REVISED_AT,
                            LEADER))
                    .expectException(ruleViolationOn("indicators"))
                    .expectNoEvents();
        }

        @Test
        void ofAnUnknownDecisionIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(reviseHypothesis(1, "anything"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class LinkEvidenceToIt {
        @Test
        void linksOnlyFeedbackNotLinkedBefore() {
            fixture.given(proposed())
                    .when(new LinkEvidence(DECISION, List.of("feedback-1", "feedback-2", "feedback-3", "feedback-2"),
                            "Raised at the May meeting", ASSESSED_AT, ANALYST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DecisionEvidenceLinked(DECISION, INITIATIVE, 1,
                            List.of("feedback-2", "feedback-3"), "Raised at the May meeting", ASSESSED_AT, ANALYST));
        }

        @Test
        void namesTheVersionItInforms() {
            fixture.given(proposed(), revisedToVersion2())
                    .when(new LinkEvidence(DECISION, List.of("feedback-3"), "note", ASSESSED_AT, ANALYST))
                    .expectEvents(new DecisionEvidenceLinked(DECISION, INITIATIVE, 2, List.of("feedback-3"), "note",
                            ASSESSED_AT, ANALYST));
        }

        @Test
        void feedbackLinkedBeforeIsNotLinkedAgain() {
            fixture.given(proposed(), new DecisionEvidenceLinked(DECISION, INITIATIVE, 1, List.of("feedback-2"),
                            "earlier", REVISED_AT, ANALYST))
                    .when(new LinkEvidence(DECISION, List.of("feedback-1", "feedback-2"), "again", ASSESSED_AT,
                            ANALYST))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void feedbackOfAnotherInitiativeIsRefused() {
            fixture.given(proposed())
                    .when(new LinkEvidence(DECISION, List.of("feedback-2", "feedback-elsewhere"), "note", ASSESSED_AT,
                            ANALYST))
                    .expectException(ruleViolationOn("feedbackIds"))
                    .expectExceptionMessage(containsString("[feedback-elsewhere]"))
                    .expectNoEvents();
        }

        @Test
        void unknownFeedbackIsRefused() {
            fixture.given(proposed())
                    .when(new LinkEvidence(DECISION, List.of("feedback-unknown"), "note", ASSESSED_AT, ANALYST))
                    .expectException(ruleViolationOn("feedbackIds"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Assess {
        @Test
        void judgesTheCurrentVersionAndCancelsItsReview() {
            fixture.givenCommands(propose())
                    .when(assess(Verdict.SUPPORTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(assessed(1, Verdict.SUPPORTED))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void twiceIsAConflict() {
            fixture.given(proposed(), assessed(1, Verdict.REFUTED))
                    .when(assess(Verdict.SUPPORTED))
                    .expectException(StateConflict.class)
                    .expectExceptionMessage(containsString("already assessed REFUTED"))
                    .expectNoEvents();
        }

        @Test
        void inconclusiveTwiceWithoutARevisionIsAConflict() {
            fixture.given(proposed(), assessed(1, Verdict.INCONCLUSIVE))
                    .when(assess(Verdict.INCONCLUSIVE))
                    .expectException(StateConflict.class)
                    .expectExceptionMessage(containsString("revise it before assessing again"))
                    .expectNoEvents();
        }

        @Test
        void aRevisionAfterAnInconclusiveOutcomeReopensAssessment() {
            fixture.given(proposed(), assessed(1, Verdict.INCONCLUSIVE), revisedToVersion2())
                    .when(assess(Verdict.SUPPORTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(assessed(2, Verdict.SUPPORTED));
        }

        @Test
        void ofAnUnknownDecisionIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(assess(Verdict.SUPPORTED))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Review {
        @Test
        void isDueWhenTheReviewDatePassesWithoutAnAssessment() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .whenThenTimeAdvancesTo(REVIEW_PASSES)
                    .expectTriggeredDeadlines(new ReviewDeadline(1))
                    .expectEvents(new DecisionReviewDue(DECISION, INITIATIVE, 1, REVIEW_BY, REVIEW_PASSES,
                            Actors.SYSTEM))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void isNotDueWhileTheReviewDayLasts() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .whenThenTimeElapses(Duration.between(PROPOSED_AT, REVIEW_PASSES).minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadline(REVIEW_PASSES, new ReviewDeadline(1));
        }

        @Test
        void isNotDueAfterAnAssessment() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose(), assess(Verdict.INCONCLUSIVE))
                    .whenThenTimeAdvancesTo(LATER_REVIEW_PASSES)
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void aRevisionCancelsTheOldReviewAndSchedulesOneForTheNewVersion() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .when(new ReviseDecision(DECISION, 1, null, null, null, LATER_REVIEW_BY, null, "More time",
                            List.of(), REVISED_AT, LEADER))
                    .expectNoScheduledDeadline(REVIEW_PASSES, new ReviewDeadline(1))
                    .expectNoScheduledDeadlineWithName(REVIEW_PASSES, ReviewDeadline.NAME)
                    .expectScheduledDeadline(LATER_REVIEW_PASSES, new ReviewDeadline(2));
        }

        @Test
        void aRevisionThatKeepsTheDateReschedulesItForTheNewVersion() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .when(reviseHypothesis(1, "second thoughts"))
                    .expectNoScheduledDeadline(REVIEW_PASSES, new ReviewDeadline(1))
                    .expectScheduledDeadline(REVIEW_PASSES, new ReviewDeadline(2));
        }

        @Test
        void ofARevisedDecisionIsDueForItsNewVersionAndDate() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose(), new ReviseDecision(DECISION, 1, null, null, null, LATER_REVIEW_BY,
                            null, "More time", List.of(), REVISED_AT, LEADER))
                    .whenThenTimeAdvancesTo(LATER_REVIEW_PASSES)
                    .expectTriggeredDeadlines(new ReviewDeadline(2))
                    .expectEvents(new DecisionReviewDue(DECISION, INITIATIVE, 2, LATER_REVIEW_BY,
                            LATER_REVIEW_PASSES, Actors.SYSTEM));
        }

        @Test
        void ofAnInconclusiveThenRevisedDecisionIsDueAgain() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose(), assess(Verdict.INCONCLUSIVE),
                            new ReviseDecision(DECISION, 1, "second thoughts", null, null, LATER_REVIEW_BY, null,
                                    "Try again", List.of(), ASSESSED_AT.plusSeconds(60), LEADER))
                    .whenThenTimeAdvancesTo(LATER_REVIEW_PASSES)
                    .expectEvents(new DecisionReviewDue(DECISION, INITIATIVE, 2, LATER_REVIEW_BY,
                            LATER_REVIEW_PASSES, Actors.SYSTEM));
        }

        @Test
        void isRecordedOnceWhenItsDeadlineRunsAgain() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .andGiven(new DecisionReviewDue(DECISION, INITIATIVE, 1, REVIEW_BY, REVIEW_PASSES, Actors.SYSTEM))
                    .whenThenTimeAdvancesTo(REVIEW_PASSES)
                    .expectTriggeredDeadlines(new ReviewDeadline(1))
                    .expectNoEvents();
        }

        @Test
        void isDueAgainForARevisionOfADecisionWhoseReviewWasDue() {
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .andGiven(new DecisionReviewDue(DECISION, INITIATIVE, 1, REVIEW_BY, REVIEW_PASSES, Actors.SYSTEM))
                    .andGivenCommands(new ReviseDecision(DECISION, 1, null, null, null, LATER_REVIEW_BY, null,
                            "Overdue; more time", List.of(), REVIEW_PASSES.plusSeconds(3600), LEADER))
                    .whenThenTimeAdvancesTo(LATER_REVIEW_PASSES)
                    .expectEvents(new DecisionReviewDue(DECISION, INITIATIVE, 2, LATER_REVIEW_BY,
                            LATER_REVIEW_PASSES, Actors.SYSTEM));
        }

        @Test
        void aDeadlineOfAnOlderVersionRecordsNothing() {
            // the store still holds version 1's review (say it was already firing when version 2 was written)
            fixture.givenCurrentTime(PROPOSED_AT)
                    .andGivenCommands(propose())
                    .andGiven(revisedToVersion2())
                    .whenThenTimeAdvancesTo(REVIEW_PASSES)
                    .expectTriggeredDeadlines(new ReviewDeadline(1))
                    .expectNoEvents();
        }
    }

    private static ProposeDecision propose() {
        return proposeWith(List.of(WALKING), List.of("feedback-1"), List.of("parents", "students"));
    }

    private static ProposeDecision proposeReviewBy(LocalDate reviewBy) {
        return new ProposeDecision(DECISION, INITIATIVE, "Crossing guard", HYPOTHESIS, EXPECTED_OUTCOME,
                EngagementLevel.CONSULT, reviewBy, List.of(WALKING), List.of("feedback-1"),
                List.of("parents", "students"), "Parents asked for it", PROPOSED_AT, LEADER);
    }

    private static ProposeDecision proposeWith(List<IndicatorTarget> indicators, List<String> evidence,
            List<String> affectedGroups) {
        return new ProposeDecision(DECISION, INITIATIVE, "Crossing guard", HYPOTHESIS, EXPECTED_OUTCOME,
                EngagementLevel.CONSULT, REVIEW_BY, indicators, evidence, affectedGroups, "Parents asked for it",
                PROPOSED_AT, LEADER);
    }

    private static DecisionProposed proposed() {
        return new DecisionProposed(DECISION, INITIATIVE, "Crossing guard", HYPOTHESIS, EXPECTED_OUTCOME,
                EngagementLevel.CONSULT, REVIEW_BY, List.of(WALKING), List.of("feedback-1"),
                List.of("parents", "students"), "Parents asked for it", PROPOSED_AT, LEADER);
    }

    private static ReviseDecision reviseHypothesis(int expectedVersion, String hypothesis) {
        return new ReviseDecision(DECISION, expectedVersion, hypothesis, null, null, null, null, "Heard the parents",
                List.of("feedback-2"), REVISED_AT, LEADER);
    }

    private static DecisionRevised revisedToVersion2() {
        return new DecisionRevised(DECISION, INITIATIVE, 2, "second thoughts", null, null, null, null,
                List.of(new FieldChange("hypothesis", HYPOTHESIS, "second thoughts")), "Heard the parents",
                List.of("feedback-2"), REVISED_AT, LEADER);
    }

    private static AssessOutcome assess(Verdict verdict) {
        return new AssessOutcome(DECISION, verdict, "Walking share 36%", "Measured in May", ASSESSED_AT, ANALYST);
    }

    private static DecisionOutcomeAssessed assessed(int version, Verdict verdict) {
        return new DecisionOutcomeAssessed(DECISION, INITIATIVE, version, verdict, "Walking share 36%",
                "Measured in May", ASSESSED_AT, ANALYST);
    }
}
