package heard.events;

import heard.events.personal.AboutParticipant;
import java.time.Instant;

/** The participant asked to be told again on this channel after stopping it (by texting START). */
public record FollowUpResumed(String feedbackId, String initiativeId, FollowUpChannel channel, Instant at,
        String actor) implements InitiativeEvent, AboutParticipant {
}
