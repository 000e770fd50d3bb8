package heard.limits;

/**
 * The most each input may hold, so that every event an accepted command records fits the read models'
 * columns. The API's validation, the web forms and the aggregates all refuse beyond these; the query
 * side's {@code ColumnCapsTest} checks each against the column it ends in. Lengths count {@code char}s,
 * which is never fewer than a column counts.
 */
public final class InputLimits {
    /** An id named in a request: feedback, decision, indicator. */
    public static final int ID = 64;
    /** The title of an initiative, a decision or a learning. */
    public static final int TITLE = 200;
    /** No line breaks or other control characters: a name or a theme, shown on one line and stored as JSON. */
    public static final String ONE_LINE = "[^\\p{Cntrl}]*";

    public static final int GUIDING_QUESTION = 1_000;
    public static final int GROUP_CODE = 40;
    public static final String GROUP_CODE_PATTERN = "[A-Za-z0-9_-]{1," + GROUP_CODE + "}";
    public static final int GROUP_NAME = 200;
    /** Groups of one initiative: all of them, as JSON, fit its read model's list column. */
    public static final int GROUPS = 30;
    public static final int LANGUAGE_TAG = 20;
    /**
     * The shape of a BCP 47 tag (es, es-419, zh-Hant-TW); its length is capped apart, at {@link #LANGUAGE_TAG}, so
     * that a well-formed tag too long to keep is told as such.
     */
    public static final String LANGUAGE_TAG_PATTERN = "[a-z]{2,3}(-[A-Za-z0-9]{1,8})*";
    public static final String LANGUAGE_TAG_MESSAGE = "use a language tag such as en or es";
    public static final String LANGUAGE_TAG_TOO_LONG = "use a language tag of at most " + LANGUAGE_TAG + " characters";
    public static final int LANGUAGES = 20;

    public static final int FEEDBACK_TEXT = 20_000;
    public static final int CONTACT = 320;
    /** An e-mail address to follow a participant up at: the longest an SMTP path holds. */
    public static final int EMAIL = 254;
    /** A mobile number as typed, with spaces and punctuation; it is kept in E.164, at most 16 characters. */
    public static final int MOBILE = 40;
    public static final int ACKNOWLEDGEMENT = 5_000;
    public static final int SUMMARY = 10_000;
    public static final int CORRECTION = 10_000;
    /** One theme, as recorded (stripped and lower-cased). */
    public static final int THEME = 60;
    public static final int THEMES_PER_POST = 20;
    /** All the themes of one piece of feedback, over every post: the read models keep them as one list. */
    public static final int THEMES = 30;

    public static final int HYPOTHESIS = 5_000;
    public static final int EXPECTED_OUTCOME = 5_000;
    public static final int RATIONALE = 10_000;
    public static final int EVIDENCE_NOTE = 5_000;
    public static final int OBSERVED = 10_000;
    public static final int OUTCOME_NOTE = 10_000;
    public static final int INDICATORS_PER_DECISION = 20;
    /** Feedback named at once: as evidence, as what triggered a revision, or answered by a learning. */
    public static final int FEEDBACK_IDS = 1_000;
    /** All the evidence of one decision, over every link: each version keeps it as one list. */
    public static final int EVIDENCE = 10_000;

    public static final int INDICATOR_NAME = 200;
    public static final int INDICATOR_UNIT = 40;

    public static final int LEARNING_TEXT = 10_000;
    public static final int DECISIONS_PER_LEARNING = 100;

    /** A staff account's name, as every event's actor and each read model's "by" column holds it. */
    public static final int ACCOUNT_NAME = 100;
    /** The name a staff account signs in with: lower case, no spaces, as it appears in every event it acts in. */
    public static final String ACCOUNT_NAME_PATTERN = "[a-z0-9][a-z0-9._@-]{0," + (ACCOUNT_NAME - 1) + "}";
    /** How a staff account is shown to other staff. */
    public static final int DISPLAY_NAME = 200;
    /** A password as typed; BCrypt reads no more than its first 72 bytes, so a longer one is refused. */
    public static final int PASSWORD = 72;
    public static final int PASSWORD_MIN = 12;

    private InputLimits() {
    }
}
