package heard.events.waking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakingMessageSourceTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private WakingMessageSource source;

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    @Test
    void aStreamsProcessorIsWokenWhenAnEventIsStoredAndReadsItFromItsOwnStream() throws InterruptedException {
        source = new WakingMessageSource(store, Duration.ofMillis(20));
        AtomicInteger wakes = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.setOnAvailableCallback(wakes::incrementAndGet)).isTrue();
        awaitWatching();

        store.publish(GenericEventMessage.asEventMessage("stored"));

        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() >= 1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("stored");
    }

    /**
     * Where a stream may receive an event after the watcher (Kafka: a consumer each), the stream says so, and that
     * wakes the processors again: not at once after the watcher's wake, but at the end of the gather, and once
     * however many streams say so meanwhile.
     */
    @Test
    void aStreamThatReceivesEventsAfterTheWatcherWakesItsProcessorAtTheGathersEnd() {
        source = new WakingMessageSource(store, store::createHeadToken, Duration.ofSeconds(2));
        AtomicInteger wakes = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(wakes::incrementAndGet);
        awaitWatching();

        store.publish(GenericEventMessage.asEventMessage("stored"));
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() == 1);
        source.arrived();
        source.arrived();
        source.arrived();

        assertThat(wakes.get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() == 2);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> wakes.get() == 2);
    }

    /** After a quiet gather, a stream's news wakes its processor at once, as the watcher's does. */
    @Test
    void aStreamThatReceivesEventsAfterAQuietSpellWakesItsProcessorAtOnce() {
        source = new WakingMessageSource(store, store::createHeadToken, Duration.ofSeconds(30));
        AtomicInteger wakes = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(wakes::incrementAndGet);

        source.arrived();

        assertThat(wakes.get()).isEqualTo(1);
        source.arrived();
        assertThat(wakes.get()).isEqualTo(1);
    }

    /**
     * A processor that starts at the head (the follow-up) is given the head the source was made with: Kafka's own
     * source makes a consumer to find its head and never closes it.
     */
    @Test
    void aProcessorStartingAtTheHeadIsGivenTheHeadTheSourceWasMadeWith() {
        store.publish(GenericEventMessage.asEventMessage("stored"));
        TrackingToken head = new GlobalSequenceTrackingToken(41);
        source = new WakingMessageSource(store, () -> head, Duration.ofMillis(20));

        assertThat(source.createHeadToken()).isSameAs(head);
    }

    /** The watcher starts at the head once the first stream opens; an event stored before that wakes no one. */
    private void awaitWatching() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("event-watcher") && thread.getState() != Thread.State.NEW
                        && thread.getState() != Thread.State.RUNNABLE));
    }
}
