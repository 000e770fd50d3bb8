package heard.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.DecisionEvidenceLinked;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The event store of the running command side on PostgreSQL: what it keeps and what it refuses. */
class EventStoreOnPostgresTest {
    static EventStorageEngine store;
    static Serializer serializer;
    static TransactionTemplate transactions;
    static JdbcClient jdbc;

    final String decisionId = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        ConfigurableApplicationContext context = CommandSideOnPostgres.first();
        store = context.getBean(EventStorageEngine.class);
        serializer = context.getBean("eventSerializer", Serializer.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        jdbc = context.getBean(JdbcClient.class);
    }

    @Test
    void ofTwoWritersAppendingTheSameSequenceNumberExactlyOneIsStored() throws Exception {
        append(linked(0, "the first"));
        CyclicBarrier bothInTransaction = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = new ArrayList<>();
        try {
            List<Future<?>> writers = IntStream.range(0, 2).<Future<?>>mapToObj(writer -> pool.submit(() ->
                    transactions.executeWithoutResult(status -> {
                        await(bothInTransaction);
                        store.appendEvents(linked(1, "writer " + writer));
                    }))).toList();
            for (Future<?> writer : writers) {
                try {
                    writer.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }

        assertThat(failures).singleElement().isInstanceOf(ConcurrencyException.class);
        assertThat(store.readEvents(decisionId).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L);
    }

    @Test
    void anEventOfSeveralMegabytesIsReadBackByteForByte() {
        String note = "El autobús de la tarde llega tarde 🚌, 早く来て. ".repeat(60_000);
        DecisionEvidenceLinked event = (DecisionEvidenceLinked) linked(0, note).getPayload();
        byte[] serialized = serializer.serialize(event, byte[].class).getData();
        assertThat(serialized.length).isGreaterThan(3 << 20);

        append(linked(0, note));

        byte[] stored = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?")
                .param(decisionId).query(byte[].class).single();
        assertThat(stored).isEqualTo(serialized);
        assertThat(store.readEvents(decisionId).next().getPayload()).isEqualTo(event);
        // UTF-8 as written, for any outside reader of the column
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("El autobús de la tarde", "早く来て");
    }

    /**
     * Projections behind the head (a rebuild, a catch-up after a burst) read the same batches from the same places:
     * the store reads each full batch once for all of them and hands on the same messages, deserialized once.
     */
    @Test
    void readersBehindTheHeadShareTheBatchesReadAndStillFindEventsStoredLater() {
        TrackingToken before = store.createHeadToken();
        List<DomainEventMessage<?>> events = LongStream.range(0, 2500).<DomainEventMessage<?>>mapToObj(
                sequence -> linked(sequence, "note " + sequence)).toList();
        transactions.executeWithoutResult(status -> store.appendEvents(events));

        List<TrackedEventMessage<?>> first = decisionEvents(store.readEvents(before, false));
        List<TrackedEventMessage<?>> second = decisionEvents(store.readEvents(before, false));

        assertThat(first).extracting(message -> ((DomainEventMessage<?>) message).getSequenceNumber())
                .containsExactlyElementsOf(LongStream.range(0, 2500).boxed().toList());
        assertThat(second).extracting(TrackedEventMessage::getIdentifier)
                .containsExactlyElementsOf(first.stream().map(TrackedEventMessage::getIdentifier).toList());
        // a batch reads 1000 events; even with another writer's event among them, the first 999 are one batch
        for (int i = 0; i < 999; i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        assertThat(second.get(0).getPayload()).isSameAs(first.get(0).getPayload());

        append(linked(2500, "stored after both readers reached the head"));

        assertThat(decisionEvents(store.readEvents(second.get(2499).trackingToken(), false)))
                .extracting(message -> ((DomainEventMessage<?>) message).getSequenceNumber()).containsExactly(2500L);
    }

    private List<TrackedEventMessage<?>> decisionEvents(Stream<? extends TrackedEventMessage<?>> events) {
        return events.filter(message -> message instanceof DomainEventMessage<?> event
                && decisionId.equals(event.getAggregateIdentifier())).collect(Collectors.toList());
    }

    private void append(DomainEventMessage<?> event) {
        transactions.executeWithoutResult(status -> store.appendEvents(event));
    }

    private DomainEventMessage<?> linked(long sequence, String note) {
        return new GenericDomainEventMessage<>("Decision", decisionId, sequence,
                new DecisionEvidenceLinked(decisionId, "initiative-1", 1, List.of("feedback-" + sequence), note,
                        Instant.parse("2026-03-01T18:00:00Z"), "analyst"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
