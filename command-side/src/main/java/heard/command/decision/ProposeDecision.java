package heard.command.decision;

import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record ProposeDecision(
        String decisionId,
        String initiativeId,
        String title,
        String hypothesis,
        String expectedOutcome,
        EngagementLevel engagementLevel,
        LocalDate reviewBy,
        List<IndicatorTarget> indicators,
        List<String> evidence,
        List<String> affectedGroups,
        String rationale,
        Instant at,
        String actor) {
}
