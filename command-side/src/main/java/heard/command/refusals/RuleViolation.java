package heard.command.refusals;

/** A domain rule rejects the content of a request (HTTP 422); {@code field} names what to fix. */
public class RuleViolation extends RuntimeException {
    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
