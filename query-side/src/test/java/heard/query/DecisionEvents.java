package heard.query;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The events of one decision, as the command side records them. */
public final class DecisionEvents {
    public static final String LEADER = "leader";
    public static final LocalDate REVIEW_BY = LocalDate.parse("2025-06-30");

    private final String decisionId;
    private final String initiativeId;

    private DecisionEvents(String decisionId, String initiativeId) {
        this.decisionId = decisionId;
        this.initiativeId = initiativeId;
    }

    public static DecisionEvents decision(String decisionId, String initiativeId) {
        return new DecisionEvents(decisionId, initiativeId);
    }

    public String decisionId() {
        return decisionId;
    }

    public DecisionProposed proposed(String title, Instant at, String... evidence) {
        return new DecisionProposed(decisionId, initiativeId, title,
                "If we staff the Main Street crossing, then more children walk to school",
                "More children walk", EngagementLevel.CONSULT, REVIEW_BY,
                List.of(new IndicatorTarget("indicator-1", 20, 35)), List.of(evidence), List.of("parents"),
                "Parents told us the crossing is the worst part", at, LEADER);
    }

    public DecisionRevised revisedHypothesis(int version, String from, String to, String rationale, Instant at,
            String... triggeredBy) {
        return new DecisionRevised(decisionId, initiativeId, version, to, null, null, null, null,
                List.of(new FieldChange("hypothesis", from, to)), rationale, List.of(triggeredBy), at, LEADER);
    }

    public DecisionRevised revisedLevel(int version, EngagementLevel from, EngagementLevel to, String rationale,
            Instant at, String... triggeredBy) {
        return new DecisionRevised(decisionId, initiativeId, version, null, null, to, null, null,
                List.of(new FieldChange("engagementLevel", from.name(), to.name())), rationale, List.of(triggeredBy),
                at, LEADER);
    }

    public DecisionRevised revisedReviewAndIndicators(int version, LocalDate reviewBy, List<IndicatorTarget> targets,
            String rationale, Instant at, String... triggeredBy) {
        return new DecisionRevised(decisionId, initiativeId, version, null, null, null, reviewBy, targets,
                List.of(new FieldChange("reviewBy", REVIEW_BY.toString(), reviewBy.toString()),
                        new FieldChange("indicators", "indicator-1: 20.0 → 35.0", "changed")),
                rationale, List.of(triggeredBy), at, LEADER);
    }

    public DecisionEvidenceLinked linked(int version, String note, Instant at, String... feedbackIds) {
        return new DecisionEvidenceLinked(decisionId, initiativeId, version, List.of(feedbackIds), note, at, "analyst");
    }

    public DecisionOutcomeAssessed assessed(int version, Verdict verdict, String observed, Instant at) {
        return new DecisionOutcomeAssessed(decisionId, initiativeId, version, verdict, observed, "note on " + verdict,
                at, "analyst");
    }

    public DecisionReviewDue reviewDue(int version, LocalDate reviewBy, Instant at) {
        return new DecisionReviewDue(decisionId, initiativeId, version, reviewBy, at, Actors.SYSTEM);
    }
}
