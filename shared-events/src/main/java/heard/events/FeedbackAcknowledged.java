package heard.events;

import heard.events.personal.AboutParticipant;
import heard.events.personal.PersonalData;
import java.time.Instant;

public record FeedbackAcknowledged(
        String feedbackId, String initiativeId, @PersonalData String message, Instant at, String actor)
        implements InitiativeEvent, AboutParticipant {
}
