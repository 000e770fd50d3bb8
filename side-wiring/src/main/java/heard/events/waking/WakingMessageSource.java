package heard.events.waking;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source whose streams tell their processor when new events arrive. A pooled streaming processor
 * whose stream cannot say so looks again only every half second, and that wait was most of the time
 * between a participant's submission and its receipt showing it. One watcher follows the head of the
 * source, blocking until the source has new events, and then wakes every open stream's processor,
 * which reads them from its own position as before: what is read, and in which order, does not change.
 * The processors are woken at most once per {@code gather}: at once when they have been quiet that long,
 * so a lone submission is seen without delay, and otherwise at the end of the period, so that under
 * load a processor wakes to a batch it handles in one transaction rather than to each event alone.
 * <p>
 * Where each stream has a connection of its own (Kafka), a processor's stream may receive an event a
 * little after the watcher did; a processor woken before that finds nothing and would wait for its next
 * claim round. Such a source says when a stream has received events ({@link #arrived}), and that wakes
 * the processors too, at the same pace.
 */
public final class WakingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WakingMessageSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final Supplier<TrackingToken> head;
    private final Thread watcher;
    private final Pace pace;
    private volatile boolean open = true;

    /** For a source whose streams all see an event at once: the event store of this process. */
    public WakingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration gather) {
        this(source, source::createHeadToken, gather);
    }

    /** @param head where the watcher starts following the source, and a processor that starts at the head starts */
    public WakingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> source, Supplier<TrackingToken> head,
                               Duration gather) {
        this.source = source;
        this.head = head;
        this.pace = new Pace(gather.toNanos());
        this.watcher = new Thread(this::watch, "event-watcher");
        this.watcher.setDaemon(true);
    }

    /** One of the streams has received events: its processor is woken (with the others), at the pace above. */
    public void arrived() {
        pace.wake();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        synchronized (watcher) {
            if (open && watcher.getState() == Thread.State.NEW) {
                watcher.start();
            }
        }
        return new WakingStream(source.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    /** The head this source was made with, not the source's own: Kafka's makes a consumer it never closes. */
    @Override
    public TrackingToken createHeadToken() {
        return head.get();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    @Override
    public void close() {
        open = false;
        watcher.interrupt();
        pace.close();
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> events = null;
        while (open) {
            try {
                if (events == null) {
                    events = source.openStream(head.get());
                }
                if (events.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (events.hasNextAvailable()) {
                        events.nextAvailable();
                    }
                    pace.wake();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // the processors still look at each claim round; try again shortly
                if (open) {
                    log.debug("Watching the head of the event source failed; trying again", e);
                }
                events = closeQuietly(events);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeQuietly(events);
    }

    private static BlockingStream<TrackedEventMessage<?>> closeQuietly(BlockingStream<TrackedEventMessage<?>> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException ignored) {
                // closing on the way out
            }
        }
        return null;
    }

    /** Wakes the waiting processors at once after a quiet {@code gather}, otherwise once at its end. */
    private final class Pace {
        private final long gather;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-waker");
            thread.setDaemon(true);
            return thread;
        });
        private long lastWake;
        private boolean due;

        private Pace(long gather) {
            this.gather = gather;
            this.lastWake = System.nanoTime() - gather;
        }

        void wake() {
            long wait;
            synchronized (this) {
                if (due) {
                    return;
                }
                wait = lastWake + gather - System.nanoTime();
                if (wait > 0) {
                    due = true;
                } else {
                    lastWake = System.nanoTime();
                }
            }
            if (wait <= 0) {
                waiting.forEach(Runnable::run);
                return;
            }
            try {
                timer.schedule(this::wakeNow, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // the source is closing
            }
        }

        private void wakeNow() {
            synchronized (this) {
                due = false;
                lastWake = System.nanoTime();
            }
            waiting.forEach(Runnable::run);
        }

        void close() {
            timer.shutdownNow();
        }
    }

    /** A processor's own stream, read as it was; it only learns to ask to be woken. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable wake;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = wake;
            if (previous != null) {
                waiting.remove(previous);
            }
            wake = callback;
            waiting.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable callback = wake;
            if (callback != null) {
                waiting.remove(callback);
            }
            stream.close();
        }
    }
}
