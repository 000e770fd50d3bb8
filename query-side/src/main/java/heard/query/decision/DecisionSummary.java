package heard.query.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import heard.events.EngagementLevel;
import heard.events.Verdict;
import java.time.Instant;
import java.time.LocalDate;

/** One decision of an initiative as it stands now, for lists. */
public record DecisionSummary(
        String decisionId,
        String initiativeId,
        String title,
        int version,
        String hypothesis,
        EngagementLevel engagementLevel,
        LocalDate reviewBy,
        int evidenceCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict,
        boolean reviewDue,
        Instant proposedAt,
        Instant revisedAt) {

    static DecisionSummary of(DecisionAnswer d) {
        return new DecisionSummary(d.decisionId(), d.initiativeId(), d.title(), d.version(), d.hypothesis(),
                d.engagementLevel(), d.reviewBy(), d.evidence().size(),
                d.outcome() == null ? null : d.outcome().verdict(), d.reviewDue() != null, d.proposedAt(),
                d.revisedAt());
    }
}
