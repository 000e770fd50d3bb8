package heard.events;

import java.time.Instant;

public record FeedbackAcknowledged(
        String feedbackId, String initiativeId, String message, Instant at, String actor)
        implements InitiativeEvent {
}
