package heard.query.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every step of a decision in time order: how and why it changed, on whose word. Feedback is
 * named by its id and its themes only, never by its words or its author's contact.
 */
public record DecisionHistory(String decisionId, String initiativeId, String title, int version, List<Step> steps) {

    public enum Kind { PROPOSED, REVISED, EVIDENCE_LINKED, OUTCOME_ASSESSED, REVIEW_DUE }

    /**
     * One step; only the fields of its kind are present. PROPOSED and REVISED carry the whole
     * {@code decision} as it stood after them; PROPOSED and EVIDENCE_LINKED the {@code evidence}
     * they linked; REVISED its {@code changes} and the feedback it was {@code triggeredBy}. {@code author}
     * is the account the step's event names (a sign-in name, or the organization's provider's subject);
     * {@code authorName} the name staff know it by, which is the account itself when it has no other.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            Kind step,
            int version,
            Instant at,
            String author,
            String authorName,
            Version decision,
            List<FieldChange> changes,
            String rationale,
            List<Feedback> triggeredBy,
            List<Feedback> evidence,
            String note,
            Verdict verdict,
            String observed,
            LocalDate reviewBy) {
    }

    /** A decision's values in one version. */
    public record Version(
            String title,
            String hypothesis,
            String expectedOutcome,
            EngagementLevel engagementLevel,
            LocalDate reviewBy,
            List<IndicatorTarget> indicators,
            List<String> evidence,
            List<String> affectedGroups) {
    }

    /** A piece of feedback as the public may see it. */
    public record Feedback(String feedbackId, List<String> themes) {
    }
}
