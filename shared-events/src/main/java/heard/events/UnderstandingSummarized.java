package heard.events;

import heard.events.personal.AboutParticipant;
import heard.events.personal.PersonalData;
import java.time.Instant;

/** A facilitator's account of what was understood; {@code round} counts from 1 and grows after each correction. */
public record UnderstandingSummarized(
        String feedbackId, String initiativeId, @PersonalData String summary, int round, Instant at, String actor)
        implements InitiativeEvent, AboutParticipant {
}
