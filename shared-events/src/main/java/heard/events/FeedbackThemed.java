package heard.events;

import java.time.Instant;
import java.util.List;

/** Themes added to a piece of feedback; {@code themes} holds only the ones new to it. */
public record FeedbackThemed(
        String feedbackId, String initiativeId, List<String> themes, Instant at, String actor)
        implements InitiativeEvent {
}
