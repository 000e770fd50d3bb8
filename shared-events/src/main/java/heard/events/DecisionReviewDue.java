package heard.events;

import java.time.Instant;
import java.time.LocalDate;

/** The review date of a decision passed without an assessment. */
public record DecisionReviewDue(
        String decisionId, String initiativeId, int version, LocalDate reviewBy, Instant at, String actor)
        implements InitiativeEvent {
}
