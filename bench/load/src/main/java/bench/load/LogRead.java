package bench.load;

import heard.events.EventJson;
import heard.events.personal.JdbcParticipantKeys;
import heard.events.personal.PersonalDataSerializer;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The floor under a rebuild: every stored event of the replay's H2 file read through Axon's event store
 * ({@link EmbeddedEventStore} on the JDBC storage engine, 100 events a fetch as the app's projections
 * take them) and deserialized with the app's serializer (Jackson with {@link EventJson}'s mapper, inside
 * {@link PersonalDataSerializer} with the file's participant keys, so each participant's words are
 * decrypted), handed to a consumer that does nothing else. Read in this harness once the app has
 * stopped, with the file opened read-only, on one connection that stays open (as a pool's would):
 * what a rebuild costs beyond this is the projections' own.
 */
final class LogRead {
    record Result(double eventsPerSecond, long events, double seconds, long personalValuesRead) {
    }

    private static final int FETCH = 100;

    private LogRead() {
    }

    static Result run(String fileUrl, long events, Duration limit) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(fileUrl + ";ACCESS_MODE_DATA=r;QUERY_CACHE_SIZE=128");
        h2.setUser("sa");
        h2.setPassword("");
        try (Connection connection = h2.getConnection()) {
            return read(OneConnection.of(connection), events, limit);
        }
    }

    private static Result read(DataSource file, long events, Duration limit) throws Exception {
        Serializer json = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        Serializer eventSerializer = new PersonalDataSerializer(json,
                new JdbcParticipantKeys(file, Duration.ofMinutes(1), Clock.systemUTC()));
        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(file))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(schema())
                .dataType(byte[].class)
                .snapshotSerializer(json)
                .eventSerializer(eventSerializer)
                .batchSize(FETCH)
                .build();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
        long read = 0;
        long personal = 0;
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (read < events && System.nanoTime() < deadline) {
                if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    continue;
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                Object payload = event.getPayload();
                event.getMetaData();
                if (payload instanceof heard.events.FeedbackSubmitted submitted && submitted.text() != null
                        && !heard.events.personal.PersonalCipher.isEncrypted(submitted.text())) {
                    personal++;
                }
                read++;
            }
        } finally {
            store.shutDown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read < events) {
            throw new IllegalStateException("read " + read + " of " + events + " events in " + limit);
        }
        return new Result(read / seconds, read, seconds, personal);
    }

    /** The app's table and column names (Flyway's V1__event_store.sql), not Axon's camel-case defaults. */
    private static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }
}
