package heard.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A decision, stated as a hypothesis to test: version 1. Revision 2 added {@code affectedGroups},
 * the stakeholder groups the decision touches (revision-1 events read with an empty list).
 */
@Revision("2")
public record DecisionProposed(
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
        String actor)
        implements InitiativeEvent {
}
