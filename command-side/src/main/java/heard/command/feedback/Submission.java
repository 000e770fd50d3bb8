package heard.command.feedback;

import heard.events.Channel;

/**
 * What a participant sends, from the JSON API or the web form. {@code email} and {@code mobile} are where they
 * may be followed up, each only with its channel's consent; an older client's {@code contact} with
 * {@code followUpConsent} still chooses a channel when it holds an e-mail address or a mobile number.
 */
public record Submission(
        String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        String contact,
        boolean followUpConsent,
        String email,
        String mobile,
        boolean followUpByEmail,
        boolean followUpBySms) {

    public Submission(String text, Channel channel, String language, String stakeholderGroup, String contact,
            boolean followUpConsent) {
        this(text, channel, language, stakeholderGroup, contact, followUpConsent, null, null, false, false);
    }
}
