package heard.command.feedback;

import heard.events.Channel;

/** What a participant sends, from the JSON API or the web form. */
public record Submission(
        String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        String contact,
        boolean followUpConsent) {
}
