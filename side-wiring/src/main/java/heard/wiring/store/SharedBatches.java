package heard.wiring.store;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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
 * A short answer, read at the head, is not taken by a reader that waited for it: that query may have looked before
 * the reader's own write committed, and the reader looks again itself.
 * <p>
 * Only full batches are kept (a batch short of the size read at the head may grow), at most {@code kept} of them
 * and none longer than {@code maxAge}. A reader served a kept batch reads the log as it was when the batch was
 * read, moments earlier, as a slower reader would have; a position left open in it by a transaction still
 * committing stays open in the token the reader is given, and is looked at again on its next query, as Axon does.
 * <p>
 * Projections read at different paces (one that handles few of the events runs far ahead of the dashboard), and a
 * batch pushed out before the slower ones came to it would be read again by each. So a reader reading full batches
 * that is about to query past the kept window of a slower reader that is moving, and not too far behind, waits
 * for it to come closer: at most {@code maxWait} a batch, and never for a reader that has not moved for that long.
 * A reader at the head reads short batches and does not wait; nor does the store's own reader for the processors
 * that follow the head, which the caller says may not wait, since it would hold all of them back.
 */
final class SharedBatches {
    private static final long FORGOTTEN_AFTER_NANOS = 60_000_000_000L;
    private final Function<TrackingToken, Batch> store;
    private final Limits limits;
    private final LongSupplier clock;
    private final Map<Position, Entry> entries = new LinkedHashMap<>();
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();

    SharedBatches(Function<TrackingToken, Batch> store, Limits limits, LongSupplier clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * How many full batches are kept, and for how long at most; how far, in positions of the log, a reader may run
     * ahead of a slower one ({@code window}: the slower one's batch and those after it must all be kept, so as many
     * positions as one batch fewer hold) and within what distance it waits for one ({@code reach}); and how long it
     * waits at most, which is also how long a reader that has not moved is still waited for.
     */
    record Limits(int kept, long maxAgeNanos, long window, long reach, long maxWaitNanos) {
    }

    /**
     * A batch read from the store: its messages, the token of its last stored event (which may be past the last
     * message, should an upcaster drop events), whether it is empty, and whether it is as large as a query reads.
     */
    record Batch(List<? extends TrackedEventMessage<?>> messages, TrackingToken last, boolean empty, boolean full) {
    }

    private record Position(TrackingToken after) {
        long index() {
            return after == null ? -1 : after.position().orElse(-1);
        }
    }

    private record Entry(CompletableFuture<Batch> batch, long readAt) {
    }

    /**
     * Every event after {@code token}, batch by batch, until a query finds none; a reader that {@code mayWait} keeps
     * within the window of slower ones.
     */
    Stream<TrackedEventMessage<?>> after(TrackingToken token, boolean mayWait) {
        Reader reader = new Reader(token, mayWait);
        readers.add(reader);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(reader::close);
    }

    Batch batchAfter(TrackingToken token) {
        return batchAfter(new Position(token), null);
    }

    private Batch batchAfter(Position position, Reader reader) {
        CompletableFuture<Batch> mine = null;
        CompletableFuture<Batch> batch;
        synchronized (entries) {
            if (reader != null) {
                reader.movedTo(position.index(), clock.getAsLong());
                entries.notifyAll();
            }
            forgetOld();
            Entry entry = entries.get(position);
            if (entry == null && reader != null && reader.mayWait && reader.full) {
                waitForSlowerReaders(position, reader);
                entry = entries.get(position);
            }
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
            Batch shared = batch.join();
            // a short batch was read at the head, perhaps before this reader's own write committed: it looks itself
            return shared.full() ? shared : store.apply(position.after());
        } catch (CompletionException e) {
            // the reader that queried has its failure; this one asks the store itself
            return store.apply(position.after());
        }
    }

    private void waitForSlowerReaders(Position position, Reader reader) {
        long deadline = System.nanoTime() + limits.maxWaitNanos();
        long left;
        while (!entries.containsKey(position) && slowerReaderOutOfWindow(reader)
                && (left = deadline - System.nanoTime()) > 0) {
            try {
                entries.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean slowerReaderOutOfWindow(Reader reader) {
        long now = clock.getAsLong();
        for (Reader other : readers) {
            if (now - other.movedAt > FORGOTTEN_AFTER_NANOS) {
                // a stream left open by its reader; it is added again should it move
                readers.remove(other);
            }
            long behind = reader.position - other.position;
            if (other != reader && behind > limits.window() && behind <= limits.reach()
                    && now - other.movedAt <= limits.maxWaitNanos()) {
                return true;
            }
        }
        return false;
    }

    private Batch read(Position position, CompletableFuture<Batch> mine) {
        try {
            Batch batch = store.apply(position.after());
            if (batch.full()) {
                keepAtMost(limits.kept());
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

    /** Forgets the batches furthest back in the log, which the fewest readers have still to come to. */
    private void keepAtMost(int count) {
        synchronized (entries) {
            while (entries.size() > count) {
                entries.keySet().stream().min(Comparator.comparingLong(Position::index)).ifPresent(entries::remove);
            }
        }
    }

    private void forgetOld() {
        long now = clock.getAsLong();
        entries.values().removeIf(entry -> now - entry.readAt() > limits.maxAgeNanos());
    }

    /** One reader's way through the batches, as Axon's batching storage reads them: until a query finds none. */
    private final class Reader implements Iterator<TrackedEventMessage<?>> {
        private TrackingToken last;
        private Iterator<? extends TrackedEventMessage<?>> current = List.<TrackedEventMessage<?>>of().iterator();
        private boolean ended;
        private final boolean mayWait;
        private volatile long position;
        private volatile long movedAt;
        private volatile boolean full;

        private Reader(TrackingToken after, boolean mayWait) {
            this.last = after;
            this.mayWait = mayWait;
            this.position = new Position(after).index();
            this.movedAt = clock.getAsLong();
        }

        private void movedTo(long index, long at) {
            position = index;
            movedAt = at;
            readers.add(this);
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !ended) {
                Batch batch = batchAfter(new Position(last), this);
                full = batch.full();
                ended = batch.empty();
                last = batch.last();
                current = batch.messages().iterator();
                if (ended) {
                    close();
                }
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

        private void close() {
            readers.remove(this);
            synchronized (entries) {
                entries.notifyAll();
            }
        }
    }
}
