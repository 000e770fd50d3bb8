package heard.events;

import heard.events.personal.AboutParticipant;
import java.time.Instant;

/**
 * The participant who sent this feedback asked to be forgotten (or an ADMIN did so for them):
 * their key is deleted, so their words and contact in earlier events can no longer be read.
 * What they said still counts; read models drop the text.
 */
public record ParticipantForgotten(String feedbackId, String initiativeId, Instant at, String actor)
        implements InitiativeEvent, AboutParticipant {
}
