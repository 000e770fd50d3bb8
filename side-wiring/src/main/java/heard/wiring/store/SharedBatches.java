package heard.wiring.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The batches of the log that readers behind the head read, each read once for all of them: a rebuild of several
 * projections, or several projections catching up after a burst, read the same batches from the same positions.
 * The first reader to ask for the batch after a position queries the store; a reader asking for it while that
 * query runs waits for its answer; later readers take the same messages, so each event is also deserialized once.
 * <p>
 * Only full batches are kept (a batch short of the size read at the head may grow), at most {@code kept} of them
 * and none longer than {@code maxAgeNanos}. A reader served a kept batch reads the log as it was when the batch was
 * read, moments earlier, as a slower reader would have; a position left open in it by a transaction still
 * committing stays open in the token the reader is given, and is looked at again on its next query, as Axon does.
 */
final class SharedBatches {
    private final Function<TrackingToken, Batch> store;
    private final int kept;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Map<Position, Entry> entries = new LinkedHashMap<>();

    SharedBatches(Function<TrackingToken, Batch> store, int kept, long maxAgeNanos, LongSupplier clock) {
        this.store = store;
        this.kept = kept;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
    }

    /**
     * A batch read from the store: its messages, the token of its last stored event (which may be past the last
     * message, should an upcaster drop events), whether it is empty, and whether it is as large as a query reads.
     */
    record Batch(List<? extends TrackedEventMessage<?>> messages, TrackingToken last, boolean empty, boolean full) {
    }

    private record Position(TrackingToken after) {
    }

    private record Entry(CompletableFuture<Batch> batch, long readAt) {
    }

    /** Every event after {@code token}, batch by batch, until a query finds none. */
    Stream<TrackedEventMessage<?>> after(TrackingToken token) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Reader(token),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    Batch batchAfter(TrackingToken token) {
        Position position = new Position(token);
        CompletableFuture<Batch> mine = null;
        CompletableFuture<Batch> batch;
        synchronized (entries) {
            forgetOld();
            Entry entry = entries.get(position);
            if (entry == null) {
                mine = new CompletableFuture<>();
                entries.put(position, new Entry(mine, clock.getAsLong()));
            }
            batch = entry == null ? mine : entry.batch();
        }
        if (mine != null) {
            return read(position, mine);
        }
        try {
            return batch.join();
        } catch (CompletionException e) {
            // the reader that queried has its failure; this one asks the store itself
            return store.apply(token);
        }
    }

    private Batch read(Position position, CompletableFuture<Batch> mine) {
        try {
            Batch batch = store.apply(position.after());
            if (batch.full()) {
                keepAtMost(kept);
            } else {
                forget(position, mine);
            }
            mine.complete(batch);
            return batch;
        } catch (RuntimeException | Error e) {
            forget(position, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void forget(Position position, CompletableFuture<Batch> batch) {
        synchronized (entries) {
            entries.computeIfPresent(position, (key, entry) -> entry.batch() == batch ? null : entry);
        }
    }

    private void keepAtMost(int count) {
        synchronized (entries) {
            Iterator<Position> oldestFirst = entries.keySet().iterator();
            for (int over = entries.size() - count; over > 0; over--) {
                oldestFirst.next();
                oldestFirst.remove();
            }
        }
    }

    private void forgetOld() {
        long now = clock.getAsLong();
        entries.values().removeIf(entry -> now - entry.readAt() > maxAgeNanos);
    }

    /** One reader's way through the batches, as Axon's batching storage reads them: until a query finds none. */
    private final class Reader implements Iterator<TrackedEventMessage<?>> {
        private TrackingToken last;
        private Iterator<? extends TrackedEventMessage<?>> current = List.<TrackedEventMessage<?>>of().iterator();
        private boolean ended;

        private Reader(TrackingToken after) {
            this.last = after;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !ended) {
                Batch batch = batchAfter(last);
                ended = batch.empty();
                last = batch.last();
                current = batch.messages().iterator();
            }
            return current.hasNext();
        }

        @Override
        public TrackedEventMessage<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
