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
    private final SharedBatches batches;

    SharedReadEventStorageEngine(JpaEventStorageEngine.Builder builder, int keptBatches, Duration keptFor) {
        super(builder);
        this.batches = new SharedBatches(this::readBatch, keptBatches, keptFor.toNanos(), System::nanoTime);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return batches.after(trackingToken);
    }

    private SharedBatches.Batch readBatch(TrackingToken after) {
        List<? extends TrackedEventData<?>> stored = fetchTrackedEvents(after, batchSize());
        List<? extends TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                stored.stream(), getEventSerializer(), upcasterChain).toList();
        TrackingToken last = stored.isEmpty() ? after : stored.get(stored.size() - 1).trackingToken();
        return new SharedBatches.Batch(messages, last, stored.isEmpty(), stored.size() >= batchSize());
    }
}
