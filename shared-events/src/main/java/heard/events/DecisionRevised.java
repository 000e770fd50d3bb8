package heard.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A new version of a decision. The new values stand in their fields ({@code null}: unchanged);
 * {@code changes} says each change from what to what, {@code triggeredBy} the feedback that moved it.
 */
public record DecisionRevised(
        String decisionId,
        String initiativeId,
        int version,
        String hypothesis,
        String expectedOutcome,
        EngagementLevel engagementLevel,
        LocalDate reviewBy,
        List<IndicatorTarget> indicators,
        List<FieldChange> changes,
        String rationale,
        List<String> triggeredBy,
        Instant at,
        String actor)
        implements InitiativeEvent {
}
