package heard.events;

import heard.events.personal.AboutParticipant;
import heard.events.personal.PersonalData;
import java.time.Instant;

public record UnderstandingCorrected(
        String feedbackId, String initiativeId, int round, @PersonalData String correction, Instant at, String actor)
        implements InitiativeEvent, AboutParticipant {
}
