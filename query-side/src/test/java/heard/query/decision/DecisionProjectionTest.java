package heard.query.decision;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.DecisionProposed;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import heard.query.DecisionEvents;
import heard.query.LoopEvents;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import heard.query.decision.DecisionHistory.Feedback;
import heard.query.decision.DecisionHistory.Kind;
import heard.query.initiative.InitiativeReadModel;
import heard.query.staff.StaffNames;
import heard.query.web.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ProjectionTest
@Import({DecisionProjection.class, DecisionReader.class, InitiativeReadModel.class, StaffNames.class})
class DecisionProjectionTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String V1 = "If we staff the Main Street crossing, then more children walk to school";
    private static final String V2 = "If we staff the crossing in the morning and the afternoon, then more children walk";
    private static final LocalDate LATER_REVIEW = LocalDate.parse("2025-09-30");
    private static final List<IndicatorTarget> NEW_TARGETS = List.of(new IndicatorTarget("indicator-1", 20, 30),
            new IndicatorTarget("indicator-2", 5, 2));

    @Autowired
    DecisionProjection projection;
    @Autowired
    DecisionReader reader;
    @Autowired
    InitiativeReadModel initiatives;
    @Autowired
    EventDelivery delivery;

    private final DecisionEvents decision = DecisionEvents.decision("decision-1", INITIATIVE);

    @BeforeEach
    void launchInitiative() {
        delivery.deliver(() -> initiatives.on(launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(3600))));
    }

    /**
     * Proposed at 1 h with feedback-1 as evidence; feedback-2 linked at 2 h; revised to version 2 at
     * 3 h on feedback-3's word; version 2 assessed INCONCLUSIVE at 4 h; revised to version 3 at 5 h on
     * feedback-1 and feedback-4; feedback-5 linked at 6 h; version 3's review missed at 7 h.
     */
    private void aDecisionRevisedTwice() {
        delivery.deliver(() -> projection.on(decision.proposed("Staff the crossing", hoursAfterT0(1), "feedback-1"),
                0));
        delivery.deliver(() -> projection.on(decision.linked(1, "Heard again at the May meeting", hoursAfterT0(2),
                "feedback-2"), 1));
        delivery.deliver(() -> projection.on(decision.revisedHypothesis(2, V1, V2,
                "Families said the afternoon is worse", hoursAfterT0(3), "feedback-3"), 2));
        delivery.deliver(() -> projection.on(decision.assessed(2, Verdict.INCONCLUSIVE, "Too few counts in May",
                hoursAfterT0(4)), 3));
        delivery.deliver(() -> projection.on(decision.revisedReviewAndIndicators(3, LATER_REVIEW, NEW_TARGETS,
                "Count through the summer, and count late arrivals too", hoursAfterT0(5), "feedback-1", "feedback-4"),
                4));
        delivery.deliver(() -> projection.on(decision.linked(3, "A staff survey", hoursAfterT0(6), "feedback-5"), 5));
        delivery.deliver(() -> projection.on(decision.reviewDue(3, LATER_REVIEW, hoursAfterT0(7)), 6));
    }

    @Test
    void aDecisionRevisedTwiceAnswersAsItStoodAtEachInstant() {
        aDecisionRevisedTwice();
        Duration half = Duration.ofMinutes(30);

        assertThat(reader.asOf("decision-1", T0)).isEmpty();
        assertThat(reader.asOf("decision-1", hoursAfterT0(1).minusNanos(1000))).isEmpty();

        DecisionAnswer proposed = reader.asOf("decision-1", hoursAfterT0(1)).orElseThrow();
        assertThat(proposed.version()).isEqualTo(1);
        assertThat(proposed.hypothesis()).isEqualTo(V1);
        assertThat(proposed.evidence()).containsExactly("feedback-1");
        assertThat(proposed.proposedAt()).isEqualTo(hoursAfterT0(1));
        assertThat(proposed.revisedAt()).isNull();

        DecisionAnswer v1WithMoreEvidence = reader.asOf("decision-1", hoursAfterT0(2).plus(half)).orElseThrow();
        assertThat(v1WithMoreEvidence.version()).isEqualTo(1);
        assertThat(v1WithMoreEvidence.hypothesis()).isEqualTo(V1);
        assertThat(v1WithMoreEvidence.evidence()).containsExactly("feedback-1", "feedback-2");
        assertThat(v1WithMoreEvidence.outcome()).isNull();

        DecisionAnswer betweenRevisions = reader.asOf("decision-1", hoursAfterT0(3).plus(half)).orElseThrow();
        assertThat(betweenRevisions.version()).isEqualTo(2);
        assertThat(betweenRevisions.hypothesis()).isEqualTo(V2);
        assertThat(betweenRevisions.title()).isEqualTo("Staff the crossing");
        assertThat(betweenRevisions.engagementLevel()).isEqualTo(EngagementLevel.CONSULT);
        assertThat(betweenRevisions.reviewBy()).isEqualTo(DecisionEvents.REVIEW_BY);
        assertThat(betweenRevisions.indicators()).containsExactly(new IndicatorTarget("indicator-1", 20, 35));
        assertThat(betweenRevisions.evidence()).containsExactly("feedback-1", "feedback-2");
        assertThat(betweenRevisions.outcome()).isNull();
        assertThat(betweenRevisions.proposedAt()).isEqualTo(hoursAfterT0(1));
        assertThat(betweenRevisions.revisedAt()).isEqualTo(hoursAfterT0(3));

        DecisionAnswer assessed = reader.asOf("decision-1", hoursAfterT0(4).plus(half)).orElseThrow();
        assertThat(assessed.version()).isEqualTo(2);
        assertThat(assessed.outcome()).isEqualTo(new DecisionAnswer.Outcome(Verdict.INCONCLUSIVE,
                "Too few counts in May", "note on INCONCLUSIVE", 2, hoursAfterT0(4), "analyst"));

        DecisionAnswer afterRevisions = reader.asOf("decision-1", hoursAfterT0(5).plus(half)).orElseThrow();
        assertThat(afterRevisions.version()).isEqualTo(3);
        assertThat(afterRevisions.hypothesis()).isEqualTo(V2);
        assertThat(afterRevisions.reviewBy()).isEqualTo(LATER_REVIEW);
        assertThat(afterRevisions.indicators()).isEqualTo(NEW_TARGETS);
        assertThat(afterRevisions.evidence()).containsExactly("feedback-1", "feedback-2");
        assertThat(afterRevisions.outcome().version()).as("the last assessment, of an earlier version").isEqualTo(2);
        assertThat(afterRevisions.reviewDue()).isNull();
        assertThat(afterRevisions.revisedAt()).isEqualTo(hoursAfterT0(5));

        DecisionAnswer later = reader.asOf("decision-1", hoursAfterT0(8)).orElseThrow();
        assertThat(later.version()).isEqualTo(3);
        assertThat(later.evidence()).containsExactly("feedback-1", "feedback-2", "feedback-5");
        assertThat(later.reviewDue()).isEqualTo(new DecisionAnswer.ReviewDue(3, LATER_REVIEW, hoursAfterT0(7)));
        assertThat(later.affectedGroups()).containsExactly("parents");

        assertThat(reader.current("decision-1")).contains(later);
    }

    @Test
    void anAssessmentEndsTheReviewDueNoticeAndARevisionStartsAFreshOne() {
        delivery.deliver(() -> projection.on(decision.proposed("Staff the crossing", hoursAfterT0(1)), 0));
        delivery.deliver(() -> projection.on(decision.reviewDue(1, DecisionEvents.REVIEW_BY, hoursAfterT0(2)), 1));
        assertThat(reader.current("decision-1").orElseThrow().reviewDue()).isNotNull();

        delivery.deliver(() -> projection.on(decision.assessed(1, Verdict.INCONCLUSIVE, "Unclear", hoursAfterT0(3)), 2));
        assertThat(reader.current("decision-1").orElseThrow().reviewDue()).isNull();
        assertThat(reader.asOf("decision-1", hoursAfterT0(2)).orElseThrow().reviewDue()).isNotNull();

        delivery.deliver(() -> projection.on(decision.revisedHypothesis(2, V1, V2, "Try again", hoursAfterT0(4)), 3));
        DecisionAnswer revised = reader.current("decision-1").orElseThrow();
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.reviewDue()).isNull();
    }

    @Test
    void theHistoryTellsEveryStepInTimeOrderWithTheThemesOfTheFeedbackBehindIt() {
        LoopEvents feedback3 = LoopEvents.feedback("feedback-3", INITIATIVE);
        LoopEvents feedback4 = LoopEvents.feedback("feedback-4", INITIATIVE);
        delivery.deliver(() -> projection.on(feedback3.themed(T0, "afternoon", "safety")));
        delivery.deliver(() -> projection.on(feedback3.themed(T0, "safety", "traffic")));
        aDecisionRevisedTwice();
        // themes given after the revision still show in its history
        delivery.deliver(() -> projection.on(feedback4.themed(hoursAfterT0(9), "late arrivals")));

        DecisionHistory history = reader.history("decision-1").orElseThrow();

        assertThat(history.decisionId()).isEqualTo("decision-1");
        assertThat(history.initiativeId()).isEqualTo(INITIATIVE);
        assertThat(history.title()).isEqualTo("Staff the crossing");
        assertThat(history.version()).isEqualTo(3);
        assertThat(history.steps()).extracting(DecisionHistory.Step::step).containsExactly(
                Kind.PROPOSED, Kind.EVIDENCE_LINKED, Kind.REVISED, Kind.OUTCOME_ASSESSED, Kind.REVISED,
                Kind.EVIDENCE_LINKED, Kind.REVIEW_DUE);
        assertThat(history.steps()).extracting(DecisionHistory.Step::version).containsExactly(1, 1, 2, 2, 3, 3, 3);
        assertThat(history.steps()).extracting(DecisionHistory.Step::at).containsExactly(hoursAfterT0(1),
                hoursAfterT0(2), hoursAfterT0(3), hoursAfterT0(4), hoursAfterT0(5), hoursAfterT0(6), hoursAfterT0(7));
        assertThat(history.steps()).extracting(DecisionHistory.Step::author).containsExactly(
                "leader", "analyst", "leader", "analyst", "leader", "analyst", "system");

        DecisionHistory.Step proposal = history.steps().get(0);
        assertThat(proposal.rationale()).isEqualTo("Parents told us the crossing is the worst part");
        assertThat(proposal.evidence()).containsExactly(new Feedback("feedback-1", List.of()));
        assertThat(proposal.decision().hypothesis()).isEqualTo(V1);
        assertThat(proposal.changes()).isNull();

        DecisionHistory.Step link = history.steps().get(1);
        assertThat(link.evidence()).containsExactly(new Feedback("feedback-2", List.of()));
        assertThat(link.note()).isEqualTo("Heard again at the May meeting");

        DecisionHistory.Step first = history.steps().get(2);
        assertThat(first.changes()).containsExactly(new FieldChange("hypothesis", V1, V2));
        assertThat(first.rationale()).isEqualTo("Families said the afternoon is worse");
        assertThat(first.triggeredBy()).containsExactly(
                new Feedback("feedback-3", List.of("afternoon", "safety", "traffic")));
        assertThat(first.decision().hypothesis()).isEqualTo(V2);
        assertThat(first.decision().evidence()).as("the evidence linked by then")
                .containsExactly("feedback-1", "feedback-2");

        DecisionHistory.Step outcome = history.steps().get(3);
        assertThat(outcome.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(outcome.observed()).isEqualTo("Too few counts in May");

        DecisionHistory.Step second = history.steps().get(4);
        assertThat(second.changes()).extracting(FieldChange::field).containsExactly("reviewBy", "indicators");
        assertThat(second.triggeredBy()).containsExactly(new Feedback("feedback-1", List.of()),
                new Feedback("feedback-4", List.of("late arrivals")));
        assertThat(second.decision().reviewBy()).isEqualTo(LATER_REVIEW);
        assertThat(second.decision().indicators()).isEqualTo(NEW_TARGETS);
        assertThat(second.decision().hypothesis()).isEqualTo(V2);

        assertThat(history.steps().get(6).reviewBy()).isEqualTo(LATER_REVIEW);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        aDecisionRevisedTwice();
        DecisionHistory once = reader.history("decision-1").orElseThrow();
        DecisionAnswer currentOnce = reader.current("decision-1").orElseThrow();

        // a replay from the start, and a revision delivered again after what followed it
        aDecisionRevisedTwice();
        delivery.deliver(() -> projection.on(decision.revisedHypothesis(2, V1, V2,
                "Families said the afternoon is worse", hoursAfterT0(3), "feedback-3"), 2));

        assertThat(reader.history("decision-1")).contains(once);
        assertThat(reader.current("decision-1")).contains(currentOnce);
        assertThat(once.steps()).hasSize(7);
        assertThat(reader.ofInitiative(INITIATIVE)).hasSize(1);
    }

    @Test
    void anUnknownDecisionHasNoAnswerAndNoHistory() {
        aDecisionRevisedTwice();

        assertThat(reader.current("decision-2")).isEmpty();
        assertThat(reader.asOf("decision-2", hoursAfterT0(8))).isEmpty();
        assertThat(reader.history("decision-2")).isEmpty();
    }

    @Test
    void anInitiativeListsItsOwnDecisionsAsTheyStandNowTheNewestFirst() {
        aDecisionRevisedTwice();
        DecisionEvents second = DecisionEvents.decision("decision-2", INITIATIVE);
        DecisionEvents elsewhere = DecisionEvents.decision("decision-3", "initiative-2");
        delivery.deliver(() -> projection.on(second.proposed("Walking buses", hoursAfterT0(2), "feedback-6",
                "feedback-7"), 0));
        delivery.deliver(() -> projection.on(second.assessed(1, Verdict.SUPPORTED, "Twice as many walk",
                hoursAfterT0(9)), 1));
        delivery.deliver(() -> projection.on(elsewhere.proposed("Elsewhere", hoursAfterT0(3)), 0));

        List<DecisionSummary> decisions = reader.ofInitiative(INITIATIVE);

        assertThat(decisions).extracting(DecisionSummary::decisionId).containsExactly("decision-2", "decision-1");
        DecisionSummary walking = decisions.get(0);
        assertThat(walking.version()).isEqualTo(1);
        assertThat(walking.evidenceCount()).isEqualTo(2);
        assertThat(walking.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(walking.reviewDue()).isFalse();
        DecisionSummary crossing = decisions.get(1);
        assertThat(crossing.title()).isEqualTo("Staff the crossing");
        assertThat(crossing.version()).isEqualTo(3);
        assertThat(crossing.hypothesis()).isEqualTo(V2);
        assertThat(crossing.evidenceCount()).isEqualTo(3);
        assertThat(crossing.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(crossing.reviewDue()).isTrue();
        assertThat(crossing.proposedAt()).isEqualTo(hoursAfterT0(1));
        assertThat(crossing.revisedAt()).isEqualTo(hoursAfterT0(5));

        assertThatThrownBy(() -> reader.ofInitiative("initiative-9")).isInstanceOf(NotFound.class);
    }

    @Test
    void anInitiativeWithoutDecisionsListsNone() {
        assertThat(reader.ofInitiative(INITIATIVE)).isEmpty();
    }

    @Test
    void aProposalRecordedBeforeAffectedGroupsExistedReadsWithNone() {
        DecisionProposed old = decision.proposed("Staff the crossing", hoursAfterT0(1));
        delivery.deliver(() -> projection.on(new DecisionProposed(old.decisionId(), old.initiativeId(), old.title(),
                old.hypothesis(), old.expectedOutcome(), old.engagementLevel(), old.reviewBy(), old.indicators(),
                old.evidence(), null, old.rationale(), old.at(), old.actor()), 0));
        delivery.deliver(() -> projection.on(decision.revisedLevel(2, EngagementLevel.CONSULT,
                EngagementLevel.COLLABORATE, "Parents asked to plan it with us", hoursAfterT0(2)), 1));

        DecisionAnswer current = reader.current("decision-1").orElseThrow();
        assertThat(current.affectedGroups()).isEmpty();
        assertThat(current.engagementLevel()).isEqualTo(EngagementLevel.COLLABORATE);
        assertThat(reader.asOf("decision-1", hoursAfterT0(1)).orElseThrow().engagementLevel())
                .isEqualTo(EngagementLevel.CONSULT);
        assertThat(Instant.now()).isAfter(current.revisedAt());
    }
}
