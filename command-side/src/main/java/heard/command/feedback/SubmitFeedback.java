package heard.command.feedback;

import heard.events.Channel;
import java.time.Instant;

/** {@code actor} is the participant, or the facilitator recording on their behalf. */
public record SubmitFeedback(
        String feedbackId,
        String initiativeId,
        String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        String contact,
        boolean followUpConsent,
        String receiptTokenHash,
        Instant at,
        String actor) {
}
