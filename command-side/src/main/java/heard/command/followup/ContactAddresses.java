package heard.command.followup;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import heard.command.refusals.RuleViolation;
import heard.events.FollowUpChannel;
import heard.limits.InputLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks and normalizes the addresses a participant gives for follow-up: an e-mail address (its domain in
 * lower case) or a mobile number, in E.164 through libphonenumber. A number written without its country
 * code is read as one of {@code heard.follow-up.default-region} (an ISO 3166 code, US unless set).
 */
@Component
public class ContactAddresses {
    /** One local part and a domain of at least two labels: what a mail server can deliver to, no more. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\p{Cntrl}<>,;:\"()\\[\\]\\\\]{1,64}@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                    + "[A-Za-z]{2,63}");
    /** What a legacy {@code contact} must look like to be read as a phone number. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ().-]{6,}");
    private static final Set<PhoneNumberType> MOBILE = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    public ContactAddresses(@Value("${heard.follow-up.default-region:US}") String region) {
        this.region = region.toUpperCase(Locale.ROOT);
        if (!phones.getSupportedRegions().contains(this.region)) {
            throw new IllegalStateException("heard.follow-up.default-region must be a region code such as US or ES,"
                    + " not " + region);
        }
    }

    /** The address in normal form; a {@link RuleViolation} on {@code field} if it cannot be one. */
    public String email(String field, String given) {
        String address = given.strip();
        if (address.length() > InputLimits.EMAIL) {
            throw new RuleViolation(field, "use an e-mail address of at most " + InputLimits.EMAIL + " characters");
        }
        if (!EMAIL.matcher(address).matches()) {
            throw new RuleViolation(field, "use an e-mail address such as name@example.org");
        }
        int at = address.lastIndexOf('@');
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The number in E.164 ({@code +34612345678}); a {@link RuleViolation} on {@code field} unless a mobile's. */
    public String mobile(String field, String given) {
        return parsedMobile(given).orElseThrow(() -> new RuleViolation(field, given.length() > InputLimits.MOBILE
                ? "use a mobile number of at most " + InputLimits.MOBILE + " characters"
                : "use a mobile number that can receive text messages, with its country code (+34 612 345 678)"));
    }

    /**
     * An older client's single {@code contact}: with consent, an e-mail address or a mobile number in it means
     * follow-up on that channel. Anything else (a name, a room, a number that is not a mobile's) is kept as it
     * was always kept, and follows no one up.
     */
    public Optional<FollowUpAddress> fromContact(String contact) {
        String given = contact.strip();
        if (given.contains("@")) {
            return given.length() <= InputLimits.EMAIL && EMAIL.matcher(given).matches()
                    ? Optional.of(new FollowUpAddress(FollowUpChannel.EMAIL, email("contact", given)))
                    : Optional.empty();
        }
        return PHONE_LIKE.matcher(given).matches()
                ? parsedMobile(given).map(number -> new FollowUpAddress(FollowUpChannel.SMS, number))
                : Optional.empty();
    }

    /**
     * The channels a participant chose: each one whose consent is given, at its address (which must then be
     * there and valid); an address given without its channel's consent is checked and not kept. With no choice
     * per channel, an older client's {@code contact} and {@code followUpConsent} choose as {@link #fromContact}.
     */
    public List<FollowUpAddress> chosen(String email, boolean byEmail, String mobile, boolean bySms, String contact,
            boolean followUpConsent) {
        List<FollowUpAddress> chosen = new ArrayList<>();
        String checkedEmail = blank(email) ? null : email("email", email);
        String checkedMobile = blank(mobile) ? null : mobile("mobile", mobile);
        if (byEmail) {
            chosen.add(new FollowUpAddress(FollowUpChannel.EMAIL, required("email", checkedEmail)));
        }
        if (bySms) {
            chosen.add(new FollowUpAddress(FollowUpChannel.SMS, required("mobile", checkedMobile)));
        }
        if (chosen.isEmpty() && followUpConsent && !blank(contact)) {
            fromContact(contact).ifPresent(chosen::add);
        }
        return List.copyOf(chosen);
    }

    private static String required(String field, String address) {
        if (address == null) {
            throw new RuleViolation(field, "give the " + ("email".equals(field) ? "e-mail address" : "mobile number")
                    + " to be told there what becomes of your feedback");
        }
        return address;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Optional<String> parsedMobile(String given) {
        if (given.length() > InputLimits.MOBILE) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = phones.parse(given.strip(), region);
            return phones.isValidNumber(number) && MOBILE.contains(phones.getNumberType(number))
                    ? Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
