package heard.query.followup;

import heard.events.FollowUpChannel;
import heard.query.followup.FollowUpContacts.Contact;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Writes a participant's message from the pages' own message bundles, in the participant's language (Spanish
 * for {@code es...}, English otherwise): one line per thing that happened, the receipt link and how to stop.
 * It never holds the participant's words or anyone else's. Its text points to the receipt page, where the
 * participant can stop the messages; an e-mail's {@code List-Unsubscribe} header points to the one-click stop.
 * Links are on {@code heard.web.pages-url} (the receipt page) and {@code heard.web.command-url} (the stop),
 * both this app's local address when not set; a real deployment sets them to its public address.
 */
@Component
class FollowUpMessages {
    private final MessageSource bundles;
    private final String pagesUrl;
    private final String commandUrl;
    private final Environment environment;

    FollowUpMessages(MessageSource bundles, Environment environment,
            @Value("${heard.web.pages-url:}") String pagesUrl, @Value("${heard.web.command-url:}") String commandUrl) {
        this.bundles = bundles;
        this.environment = environment;
        this.pagesUrl = withoutTrailingSlash(pagesUrl);
        this.commandUrl = withoutTrailingSlash(commandUrl);
    }

    FollowUpMessage compose(Contact contact, List<MessageKind> kinds, String key) {
        Locale locale = contact.language() != null && contact.language().startsWith("es")
                ? Locale.forLanguageTag("es") : Locale.ENGLISH;
        String token = UriUtils.encodePathSegment(contact.receiptToken(), StandardCharsets.UTF_8);
        String receipt = base(pagesUrl) + "/r/" + token;
        String stop = base(commandUrl.isEmpty() ? pagesUrl : commandUrl) + "/r/" + token + "/follow-up/stop?channel="
                + contact.channel().name();
        StringBuilder text = new StringBuilder();
        if (contact.channel() == FollowUpChannel.EMAIL) {
            text.append(word("followup.greeting", locale)).append("\n\n");
            kinds.forEach(kind -> text.append(word("followup.kind." + kind.name(), locale)).append('\n'));
            text.append('\n').append(word("followup.link", locale, receipt)).append("\n\n")
                    .append(word("followup.stop.email", locale, receipt + "#follow-up")).append('\n');
        } else {
            text.append(word("followup.sms.news", locale));
            kinds.forEach(kind -> text.append(' ').append(word("followup.kind." + kind.name(), locale)));
            text.append(' ').append(receipt).append(' ').append(word("followup.stop.sms", locale));
        }
        return new FollowUpMessage(locale.getLanguage(), word("followup.subject", locale), text.toString(), receipt,
                stop, key);
    }

    private String word(String key, Locale locale, Object... arguments) {
        return bundles.getMessage(key, arguments, locale);
    }

    private String base(String configured) {
        return MailAddresses.baseOr(configured, environment);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
