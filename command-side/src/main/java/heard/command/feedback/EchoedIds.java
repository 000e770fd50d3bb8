package heard.command.feedback;

import heard.command.web.InvalidInput;

/**
 * Ids and tokens from a form post's path, which its 303 echoes in the Location header. One far
 * longer than any real id could make the answer's headers overflow Tomcat's 8 KiB buffer (a 500).
 */
final class EchoedIds {
    static final int MAX_LENGTH = 200;

    private EchoedIds() {
    }

    /** The value, or a bad request naming the field when it is longer than any id. */
    static String checked(String field, String value) {
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput(field, "is longer than any id (at most " + MAX_LENGTH + " characters)");
        }
        return value;
    }
}
