package heard.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Heard's events from the topic {@code heard.events} with nothing but the Kafka client and
 * Jackson, as an outside dashboard would. Each record is one event:
 * <ul>
 * <li>key: the id of the initiative it belongs to, so that one initiative's events share a partition and
 * keep their order (the aggregate's id is in a header);</li>
 * <li>value: the event as JSON (ISO-8601 instants);</li>
 * <li>headers, UTF-8 text unless said: {@code axon-message-id}, {@code axon-message-type} (the event's class,
 * e.g. {@code heard.events.FeedbackSubmitted}), {@code axon-message-revision} (may be absent),
 * {@code axon-message-timestamp} (epoch milliseconds, 8 bytes big-endian), {@code axon-message-aggregate-type},
 * {@code axon-message-aggregate-id}, {@code axon-message-aggregate-seq} (the event's number within its aggregate,
 * from 0, 8 bytes big-endian), and {@code axon-metadata-*} for each metadata entry.</li>
 * </ul>
 * Delivery is at least once: an event may arrive twice, at a new offset; (aggregate id, sequence) identifies it.
 * <p>
 * {@code java -cp ... heard.examples.HeardEventsConsumer localhost:9092 heard.events my-dashboard} prints every event.
 */
public final class HeardEventsConsumer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, byte[]> consumer;

    public record HeardEvent(String key, String messageId, String type, Instant timestamp, String aggregateType,
                             String aggregateId, long sequence, JsonNode payload) {
        /** The event's name, e.g. FeedbackSubmitted. */
        public String name() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    /** A consumer in the given group that starts, the first time, from the oldest event. */
    public HeardEventsConsumer(String bootstrapServers, String topic, String group) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public List<HeardEvent> poll(Duration timeout) {
        List<HeardEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            events.add(decode(record));
        }
        return events;
    }

    public static HeardEvent decode(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        try {
            return new HeardEvent(record.key(), text(headers, "axon-message-id"), text(headers, "axon-message-type"),
                    Instant.ofEpochMilli(number(headers, "axon-message-timestamp")),
                    text(headers, "axon-message-aggregate-type"), text(headers, "axon-message-aggregate-id"),
                    number(headers, "axon-message-aggregate-seq"), JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON event at offset " + record.offset(), e);
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? -1 : ByteBuffer.wrap(header.value()).getLong();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        try (HeardEventsConsumer events = new HeardEventsConsumer(args[0], args[1], args[2])) {
            while (!Thread.currentThread().isInterrupted()) {
                events.poll(Duration.ofSeconds(1)).forEach(e -> System.out.printf("%s %s #%d %s%n",
                        e.timestamp(), e.name(), e.sequence(), e.payload()));
            }
        }
    }
}
