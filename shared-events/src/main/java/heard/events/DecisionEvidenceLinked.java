package heard.events;

import java.time.Instant;
import java.util.List;

/** Feedback linked to a decision as evidence; {@code feedbackIds} holds only newly linked ones. */
public record DecisionEvidenceLinked(
        String decisionId, String initiativeId, int version, List<String> feedbackIds, String note, Instant at,
        String actor)
        implements InitiativeEvent {
}
