package heard.command.decision;

import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A revision: {@code null} fields stay as they are. Answers the new version. */
public record ReviseDecision(
        @TargetAggregateIdentifier String decisionId,
        int expectedVersion,
        String hypothesis,
        String expectedOutcome,
        EngagementLevel engagementLevel,
        LocalDate reviewBy,
        List<IndicatorTarget> indicators,
        String rationale,
        List<String> triggeredBy,
        Instant at,
        String actor) {
}
