package heard.wiring.store;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA storage, but the readers behind the head share the batches they read (see {@link SharedBatches}):
 * rebuilding the seven projections read and deserialized the log seven times, a third of the rebuild's work.
 */
final class SharedReadEventStorageEngine extends JpaEventStorageEngine {
    /**
     * Readers within this many windows of each other keep together; one further behind (a rebuild started long
     * after another) is not waited for.
     */
    private static final int REACH = 4;
    /** Short of the claim's renewal, which the waiting processor's coordinator does between batches. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /**
     * The threads of the event store's own reader, which reads the head for every processor that follows it: it
     * never waits for a slower reader (a rebuild near its end), since that would hold every live projection back.
     */
    static final ThreadGroup HEAD_READER = new ThreadGroup("event-store-head");
    private final SharedBatches batches;

    SharedReadEventStorageEngine(JpaEventStorageEngine.Builder builder, int keptBatches, Duration keptFor) {
        super(builder);
        long window = (long) (keptBatches - 1) * batchSize();
        this.batches = new SharedBatches(this::readBatch, new SharedBatches.Limits(keptBatches, keptFor.toNanos(),
                window, REACH * window, MAX_WAIT.toNanos()), System::nanoTime);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return batches.after(trackingToken, Thread.currentThread().getThreadGroup() != HEAD_READER);
    }

    private SharedBatches.Batch readBatch(TrackingToken after) {
        List<? extends TrackedEventData<?>> stored = fetchTrackedEvents(after, batchSize());
        List<? extends TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                stored.stream(), getEventSerializer(), upcasterChain).toList();
        TrackingToken last = stored.isEmpty() ? after : stored.get(stored.size() - 1).trackingToken();
        return new SharedBatches.Batch(messages, last, stored.isEmpty(), stored.size() >= batchSize());
    }
}
