package heard.command.refusals;

import heard.limits.InputLimits;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The aggregates' refusals of values beyond {@link InputLimits}: a command may come from the API, a web
 * form or a staff path, and none may record what a read model cannot store.
 */
public final class Caps {
    private static final Pattern ONE_LINE = Pattern.compile(InputLimits.ONE_LINE);
    private static final Pattern LANGUAGE_TAG = Pattern.compile(InputLimits.LANGUAGE_TAG_PATTERN);

    private Caps() {
    }

    public static void text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RuleViolation(field, "use at most " + max + " characters");
        }
    }

    /** Not empty, at most {@code max} characters, no line breaks or other control characters. */
    public static void line(String field, String value, int max) {
        text(field, value, max);
        if (value == null || value.isEmpty() || !ONE_LINE.matcher(value).matches()) {
            throw new RuleViolation(field, "write one line of at most " + max + " characters");
        }
    }

    public static void items(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            throw new RuleViolation(field, "name at most " + max);
        }
    }

    public static void languageTag(String field, String tag) {
        if (tag != null && tag.length() > InputLimits.LANGUAGE_TAG) {
            throw new RuleViolation(field, InputLimits.LANGUAGE_TAG_TOO_LONG);
        }
        if (tag == null || !LANGUAGE_TAG.matcher(tag).matches()) {
            throw new RuleViolation(field, InputLimits.LANGUAGE_TAG_MESSAGE);
        }
    }
}
