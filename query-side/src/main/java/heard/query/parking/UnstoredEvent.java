package heard.query.parking;

/** A projection's handler failed on an event inside a batch; the batch must be applied again event by event. */
final class UnstoredEvent extends RuntimeException {
    UnstoredEvent(Throwable cause) {
        super("an event could not be applied in its batch", cause);
    }
}
