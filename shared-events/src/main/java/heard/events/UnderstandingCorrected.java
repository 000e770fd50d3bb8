package heard.events;

import java.time.Instant;

public record UnderstandingCorrected(
        String feedbackId, String initiativeId, int round, String correction, Instant at, String actor)
        implements InitiativeEvent {
}
