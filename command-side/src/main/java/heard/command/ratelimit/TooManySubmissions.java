package heard.command.ratelimit;

/** An anonymous client sent more than its share; it may try again after {@code retryAfterSeconds}. */
public class TooManySubmissions extends RuntimeException {
    private final long retryAfterSeconds;

    TooManySubmissions(long retryAfterSeconds) {
        super("Too many submissions from your address; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
