package heard.events;

import java.time.Instant;

/** The participant's loop is closed by the published learning that named their feedback. */
public record FeedbackLoopClosed(
        String feedbackId, String initiativeId, String learningId, Instant at, String actor)
        implements InitiativeEvent {
}
