package heard.query.digest;

import heard.query.digest.DigestRecipients.Recipient;
import heard.query.followup.MailAddresses;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Writes a facilitator's digest from the pages' message bundles, in their language: for each initiative with
 * something waiting, how much, with a link to the staff console page that lists it (on {@code heard.web.pages-url},
 * this app's local address when not set).
 */
@Component
class StaffDigestMail {
    record Written(String subject, String text) {
    }

    private final MessageSource bundles;
    private final Environment environment;
    private final String pagesUrl;

    StaffDigestMail(MessageSource bundles, Environment environment, @Value("${heard.web.pages-url:}") String pagesUrl) {
        this.bundles = bundles;
        this.environment = environment;
        this.pagesUrl = pagesUrl.endsWith("/") ? pagesUrl.substring(0, pagesUrl.length() - 1) : pagesUrl;
    }

    Written write(Recipient recipient, LocalDate day, List<WaitingWork.Initiative> waiting) {
        Locale locale = Locale.forLanguageTag(recipient.language());
        String base = MailAddresses.baseOr(pagesUrl, environment);
        StringBuilder text = new StringBuilder(word("digest.greeting", locale, recipient.name())).append("\n\n")
                .append(word("digest.intro", locale)).append('\n');
        for (WaitingWork.Initiative initiative : waiting) {
            String staffPage = base + "/staff/i/" + segment(initiative.initiativeId());
            text.append('\n').append(initiative.title()).append('\n');
            if (initiative.overdue() > 0) {
                text.append("  ").append(word("digest.overdue", locale, initiative.overdue())).append('\n')
                        .append("  ").append(staffPage).append("?overdue=true\n");
            }
            if (initiative.corrected() > 0) {
                text.append("  ").append(word("digest.corrected", locale, initiative.corrected())).append('\n')
                        .append("  ").append(staffPage).append("/corrected\n");
            }
            if (!initiative.reviewsDue().isEmpty()) {
                text.append("  ").append(word("digest.reviewDue", locale, initiative.reviewsDue().size())).append('\n');
                initiative.reviewsDue().forEach(decision -> text.append("  - ").append(decision.title()).append(": ")
                        .append(base).append("/decisions/").append(segment(decision.decisionId())).append('\n'));
            }
        }
        text.append('\n').append(word("digest.why", locale)).append('\n');
        return new Written(word("digest.subject", locale, day.toString()), text.toString());
    }

    private String word(String key, Locale locale, Object... arguments) {
        return bundles.getMessage(key, arguments, locale);
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
