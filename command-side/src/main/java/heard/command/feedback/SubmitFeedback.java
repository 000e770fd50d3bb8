package heard.command.feedback;

import heard.command.followup.FollowUpAddress;
import heard.events.Channel;
import java.time.Instant;
import java.util.List;

/**
 * {@code actor} is the participant, or the facilitator recording on their behalf. {@code followUps} are the
 * channels the participant consented to, at checked addresses; the messages sent there carry the receipt link,
 * so then {@code receiptToken} is the token whose hash is {@code receiptTokenHash} (and null otherwise).
 */
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
        String actor,
        List<FollowUpAddress> followUps,
        String receiptToken) {

    public SubmitFeedback {
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    public SubmitFeedback(String feedbackId, String initiativeId, String text, Channel channel, String language,
            String stakeholderGroup, String contact, boolean followUpConsent, String receiptTokenHash, Instant at,
            String actor) {
        this(feedbackId, initiativeId, text, channel, language, stakeholderGroup, contact, followUpConsent,
                receiptTokenHash, at, actor, List.of(), null);
    }
}
