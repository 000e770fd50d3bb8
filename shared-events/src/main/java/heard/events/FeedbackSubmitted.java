package heard.events;

import heard.events.personal.AboutParticipant;
import heard.events.personal.PersonalData;
import java.time.Instant;

/**
 * A participant's voice. {@code actor} is {@value Actors#PARTICIPANT} or the facilitator
 * who recorded it on the participant's behalf. {@code receiptTokenHash} is the SHA-256 of the
 * receipt token (see {@link ReceiptTokens}); the token itself is never stored.
 * {@code acknowledgeBy} is the promise made at submission, from the initiative's target.
 * {@code text} and {@code contact} are stored encrypted (see {@link PersonalData}); both read as null once
 * the participant is forgotten.
 */
public record FeedbackSubmitted(
        String feedbackId,
        String initiativeId,
        @PersonalData String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        @PersonalData String contact,
        boolean followUpConsent,
        String receiptTokenHash,
        Instant acknowledgeBy,
        Instant at,
        String actor) implements InitiativeEvent, AboutParticipant {
}
