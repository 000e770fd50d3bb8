package heard.command.refusals;

/** The request is well formed but the thing is not in a state that allows it (HTTP 409). */
public class StateConflict extends RuntimeException {
    public StateConflict(String message) {
        super(message);
    }
}
