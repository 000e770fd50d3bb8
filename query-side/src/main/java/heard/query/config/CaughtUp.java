package heard.query.config;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Whether a projection shows the whole log: caught up with it, and not rebuilding. */
public final class CaughtUp {
    private CaughtUp() {
    }

    /**
     * Axon keeps a segment marked as replaying until it handles an event past the position of the reset;
     * once it has reached that position, the rebuild is done, even if no new event has come since.
     */
    public static boolean stillReplaying(EventTrackerStatus status) {
        return status.isReplaying() && status.getCurrentPosition().orElse(0) < status.getResetPosition().orElse(0);
    }

    /** Every segment has reached the head of the log since it was claimed, and none is rebuilding. */
    public static boolean settled(StreamingEventProcessor processor) {
        var statuses = processor.processingStatus().values();
        return processor.isRunning() && !statuses.isEmpty()
                && statuses.stream().allMatch(status -> status.isCaughtUp() && !stillReplaying(status));
    }
}
