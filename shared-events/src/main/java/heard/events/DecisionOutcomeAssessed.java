package heard.events;

import java.time.Instant;

/** What happened, judged against the hypothesis of the decision's given version. */
public record DecisionOutcomeAssessed(
        String decisionId, String initiativeId, int version, Verdict verdict, String observed, String note,
        Instant at, String actor)
        implements InitiativeEvent {
}
