package heard.command.refusals;

/** A referenced thing does not exist (HTTP 404). */
public class NotFound extends RuntimeException {
    public NotFound(String what, String id) {
        super("No " + what + " with id " + id);
    }
}
