package heard.wiring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** The reading logic over a log of numbered events held here; the store itself is tried in the sides' tests. */
class SharedBatchesTest {
    private static final int BATCH = 10;
    private static final long MAX_AGE = TimeUnit.SECONDS.toNanos(10);
    private final List<Long> queries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong now = new AtomicLong();
    private volatile long head = 25;

    private SharedBatches.Batch read(TrackingToken after) {
        long from = after == null ? 0 : ((GlobalSequenceTrackingToken) after).getGlobalIndex();
        queries.add(from);
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (long index = from + 1; index <= Math.min(head, from + BATCH); index++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                    GenericEventMessage.asEventMessage("event " + index)));
        }
        TrackingToken last = messages.isEmpty() ? after : messages.get(messages.size() - 1).trackingToken();
        return new SharedBatches.Batch(messages, last, messages.isEmpty(), messages.size() == BATCH);
    }

    private SharedBatches batches(int kept) {
        return new SharedBatches(this::read, alone(kept), now::get);
    }

    /** Readers that never wait for each other. */
    private static SharedBatches.Limits alone(int kept) {
        return new SharedBatches.Limits(kept, MAX_AGE, kept * BATCH, 0, 0);
    }

    @Test
    void aSecondReaderTakesTheFullBatchesTheFirstReadAndAsksTheStoreOnlyForTheShortOnes() {
        SharedBatches batches = batches(16);

        List<TrackedEventMessage<?>> first = batches.after(null, true).toList();
        List<TrackedEventMessage<?>> second = batches.after(null, true).toList();

        assertThat(first.stream().map(message -> (Object) message.getPayload())).containsExactlyElementsOf(numbered(1, 25));
        assertThat(second).hasSize(25);
        for (int i = 0; i < 20; i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        assertThat(second.get(20)).as("read again from the store").isNotSameAs(first.get(20));
        // the first reader: 0, 10, 20 (five events) and 25 (none); the second only asks again after the full ones
        assertThat(queries).containsExactly(0L, 10L, 20L, 25L, 20L, 25L);
    }

    @Test
    void aReaderAtTheHeadFindsEventsStoredAfterAnotherReaderLooked() {
        SharedBatches batches = batches(16);
        assertThat(batches.after(new GlobalSequenceTrackingToken(20), true).toList()).hasSize(5);

        head = 28;

        assertThat(batches.after(new GlobalSequenceTrackingToken(20), true)
                .map(message -> (Object) message.getPayload())).containsExactlyElementsOf(numbered(21, 28));
    }

    @Test
    void aReaderAskingWhileTheBatchIsBeingReadWaitsForThatQueryRatherThanMakingItsOwn() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        SharedBatches batches = new SharedBatches(after -> {
            asked.countDown();
            await(answer);
            return read(after);
        }, alone(16), now::get);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<SharedBatches.Batch> first = readers.submit(() -> batches.batchAfter(null));
            assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<SharedBatches.Batch> second = readers.submit(() -> batches.batchAfter(null));
            Thread.sleep(100);
            answer.countDown();

            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            assertThat(queries).containsExactly(0L);
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * A query at the head may have looked before another reader's own write was committed: its short answer is not
     * taken by a reader that asked after that write (the store's test on PostgreSQL lost an event so, now and then).
     */
    @Test
    void aReaderJoiningAQueryAtTheHeadStillFindsWhatWasStoredBeforeItAsked() throws Exception {
        CountDownLatch looked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        SharedBatches batches = new SharedBatches(after -> {
            SharedBatches.Batch batch = read(after);
            looked.countDown();
            await(answer);
            return batch;
        }, alone(16), now::get);
        TrackingToken atTheHead = new GlobalSequenceTrackingToken(head);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<SharedBatches.Batch> first = readers.submit(() -> batches.batchAfter(atTheHead));
            assertThat(looked.await(10, TimeUnit.SECONDS)).isTrue();
            head = 27;
            Future<SharedBatches.Batch> second = readers.submit(() -> batches.batchAfter(atTheHead));
            Thread.sleep(100);
            answer.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).messages()).isEmpty();
            assertThat(second.get(10, TimeUnit.SECONDS).messages())
                    .extracting(message -> (Object) message.getPayload()).containsExactlyElementsOf(numbered(26, 27));
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aFailedQueryIsNotKeptAndTheNextReaderAsksAgain() {
        AtomicBoolean fail = new AtomicBoolean(true);
        SharedBatches batches = new SharedBatches(after -> {
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("the store is away");
            }
            return read(after);
        }, alone(16), now::get);

        assertThatThrownBy(() -> batches.batchAfter(null)).hasMessage("the store is away");

        assertThat(batches.after(null, true).toList()).hasSize(25);
        assertThat(queries).first().isEqualTo(0L);
    }

    @Test
    void aBatchIsReadAgainOnceItIsPushedOutByNewerOnesOrOlderThanTheLimit() {
        SharedBatches batches = batches(2);
        batches.after(null, true).toList();
        queries.clear();

        now.addAndGet(MAX_AGE / 2);
        batches.batchAfter(new GlobalSequenceTrackingToken(10));
        batches.batchAfter(null);
        assertThat(queries).as("both full batches are kept").isEmpty();

        head = 35;
        batches.batchAfter(new GlobalSequenceTrackingToken(20));
        batches.batchAfter(null);
        assertThat(queries).as("a third full batch pushes the oldest out").containsExactly(20L, 0L);

        now.addAndGet(MAX_AGE + 1);
        queries.clear();
        batches.batchAfter(new GlobalSequenceTrackingToken(20));
        assertThat(queries).as("older than the limit").containsExactly(20L);
    }

    /**
     * A fast reader keeps within the kept batches of a slower one, so that the slower one finds each batch still
     * kept: every full batch is read once, however far apart their paces.
     */
    @Test
    void aReaderRunningAheadWaitsForASlowerOneSoThatEveryFullBatchIsReadOnce() throws Exception {
        SharedBatches batches = keptTogether();
        Iterator<TrackedEventMessage<?>> slow = readerAtTheFirstEvent(batches);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> fast = pool.submit(() -> batches.after(null, true).count());
            Thread.sleep(200);
            assertThat(fast).as("waiting for the slow reader").isNotDone();
            int read = 1;
            while (slow.hasNext()) {
                slow.next();
                read++;
            }

            assertThat(read).isEqualTo(100);
            assertThat(fast.get(30, TimeUnit.SECONDS)).isEqualTo(100L);
        } finally {
            pool.shutdownNow();
        }
        // the empty batch at the head is not kept: asked for by each, unless both asked at once
        assertThat(queries.stream().filter(from -> from < 100))
                .containsExactlyInAnyOrder(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L);
        assertThat(queries).contains(100L);
    }

    /** The store's own reader for the processors at the head: holding it back would hold all of them back. */
    @Test
    void aReaderThatMayNotWaitReadsOnPastASlowerOne() throws Exception {
        SharedBatches batches = keptTogether();
        Iterator<TrackedEventMessage<?>> slow = readerAtTheFirstEvent(batches);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> atHead = pool.submit(() -> batches.after(null, false).count());

            assertThat(atHead.get(10, TimeUnit.SECONDS)).isEqualTo(100L);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A log of 100 events, two batches kept, readers within one batch of each other waiting long enough. */
    private SharedBatches keptTogether() {
        head = 100;
        return new SharedBatches(this::read,
                new SharedBatches.Limits(2, MAX_AGE, BATCH, 100 * BATCH, TimeUnit.SECONDS.toNanos(30)), now::get);
    }

    private static Iterator<TrackedEventMessage<?>> readerAtTheFirstEvent(SharedBatches batches) {
        Iterator<TrackedEventMessage<?>> reader = batches.after(null, true).iterator();
        assertThat(reader.next().getPayload()).isEqualTo("event 1");
        return reader;
    }

    private static List<Object> numbered(int from, int to) {
        List<Object> payloads = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            payloads.add("event " + i);
        }
        return payloads;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
