package heard.command.web;

/** Input that is malformed outside a JSON body, such as a header (HTTP 400). */
public class InvalidInput extends RuntimeException {
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
