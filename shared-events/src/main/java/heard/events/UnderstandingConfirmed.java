package heard.events;

import java.time.Instant;

public record UnderstandingConfirmed(
        String feedbackId, String initiativeId, int round, Instant at, String actor)
        implements InitiativeEvent {
}
