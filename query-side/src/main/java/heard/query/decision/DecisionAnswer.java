package heard.query.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision as it stood at one instant: the hypothesis of its version then, the evidence linked
 * by then, and the outcome assessed by then (of that version or an earlier one: its
 * {@code version} says which). {@code reviewDue} is there while the version's review date has
 * passed without an assessment. {@code revisedAt} is when the version in force was made, if it is
 * a revision.
 */
public record DecisionAnswer(
        String decisionId,
        String initiativeId,
        String title,
        int version,
        String hypothesis,
        String expectedOutcome,
        EngagementLevel engagementLevel,
        LocalDate reviewBy,
        List<IndicatorTarget> indicators,
        List<String> evidence,
        List<String> affectedGroups,
        @JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReviewDue reviewDue,
        Instant proposedAt,
        Instant revisedAt) {

    /** An assessment of the hypothesis of {@code version}. */
    public record Outcome(Verdict verdict, String observed, String note, int version, Instant at, String author) {
        static Outcome of(OutcomeAssessment o) {
            return new Outcome(o.verdict(), o.observed(), o.note(), o.version(), o.at(), o.author());
        }
    }

    /** The review date of {@code version} passed, at {@code at}, without an assessment. */
    public record ReviewDue(int version, LocalDate reviewBy, Instant at) {
        static ReviewDue of(MissedReview r) {
            return new ReviewDue(r.version(), r.reviewBy(), r.at());
        }
    }
}
