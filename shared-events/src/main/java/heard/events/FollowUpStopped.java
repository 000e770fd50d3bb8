package heard.events;

import heard.events.personal.AboutParticipant;
import java.time.Instant;

/**
 * The participant asked not to be told any more on this channel (by the link in a message, on their receipt
 * page or by replying STOP); {@code channel} null stops every channel.
 */
public record FollowUpStopped(String feedbackId, String initiativeId, FollowUpChannel channel, Instant at,
        String actor) implements InitiativeEvent, AboutParticipant {
}
