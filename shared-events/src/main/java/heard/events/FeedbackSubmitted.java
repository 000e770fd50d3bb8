package heard.events;

import java.time.Instant;

/**
 * A participant's voice. {@code actor} is {@value Actors#PARTICIPANT} or the facilitator
 * who recorded it on the participant's behalf. {@code receiptTokenHash} is the SHA-256 of the
 * receipt token (see {@link ReceiptTokens}); the token itself is never stored.
 * {@code acknowledgeBy} is the promise made at submission, from the initiative's target.
 */
public record FeedbackSubmitted(
        String feedbackId,
        String initiativeId,
        String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        String contact,
        boolean followUpConsent,
        String receiptTokenHash,
        Instant acknowledgeBy,
        Instant at,
        String actor) implements InitiativeEvent {
}
