package heard.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.EventJson;
import heard.events.FeedbackAcknowledged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The publisher against a real broker: what a batch sends, and what a refused record does to the batch. */
class AcknowledgedPerBatchTest {
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.mapper()).build();
    private static EmbeddedKafkaKraftBroker broker;

    private final String topic = "heard.events." + UUID.randomUUID();
    private final List<ProducerFactory<String, byte[]>> factories = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void closeProducers() {
        factories.forEach(ProducerFactory::shutDown);
    }

    @Test
    void aBatchIsSentTogetherAndCommitsOnceTheBrokerHasEveryEvent() {
        broker.addTopics(topic);
        ProducerFactory<String, byte[]> producers = producers(Map.of());
        List<EventMessage<?>> events = IntStream.range(0, 50).<EventMessage<?>>mapToObj(i -> acknowledged("feedback-" + i, "Thanks"))
                .toList();

        ResultMessage<?> result = publishAsOneBatch(publisher(producers), events);

        assertThat(result.isExceptional()).as("%s", result).isFalse();
        assertThat(recordsOn(topic)).hasSize(50).allSatisfy(record -> assertThat(record.key()).isEqualTo("initiative-7"));
        assertThat(metric(producers, "records-per-request-avg"))
                .as("the framework's publisher sends one record per request, waiting for each acknowledgement")
                .isGreaterThan(1.0);
    }

    @Test
    void aRecordTheBrokerRefusesRollsItsBatchBackToBeSentAgain() {
        broker.addTopics(topic);
        AcknowledgedPerBatch publisher = publisher(producers(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000)));
        List<EventMessage<?>> events = List.of(acknowledged("feedback-1", "Thanks"),
                acknowledged("feedback-2", "x".repeat(5_000)), acknowledged("feedback-3", "Thanks"));
        AtomicBoolean rolledBack = new AtomicBoolean();

        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.onRollback(unit -> rolledBack.set(true));
        ResultMessage<?> result = batch.executeWithResult(() -> {
            publisher.send(batch.getMessage());
            return null;
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(EventPublicationFailedException.class);
        assertThat(rolledBack).isTrue();
    }

    @Test
    void outsideAWaitForAcknowledgementTheFrameworksOwnWayIsKept() {
        broker.addTopics(topic);
        ProducerFactory<String, byte[]> producers = DefaultProducerFactory.<String, byte[]>builder()
                .configuration(settings(Map.of())).confirmationMode(ConfirmationMode.NONE).build();
        factories.add(producers);

        assertThat(publishAsOneBatch(publisher(producers), List.of(acknowledged("feedback-1", "Thanks")))
                .isExceptional()).isFalse();
        assertThat(recordsOn(topic)).hasSize(1);
    }

    private ResultMessage<?> publishAsOneBatch(AcknowledgedPerBatch publisher, List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        return batch.executeWithResult(() -> {
            publisher.send(batch.getMessage());
            return null;
        });
    }

    private AcknowledgedPerBatch publisher(ProducerFactory<String, byte[]> producers) {
        return new AcknowledgedPerBatch(SERIALIZER, producers,
                new KeyedByInitiative(DefaultKafkaMessageConverter.builder().serializer(SERIALIZER).build()),
                event -> Optional.of(topic), NoOpMessageMonitor.INSTANCE, Duration.ofSeconds(30));
    }

    private ProducerFactory<String, byte[]> producers(Map<String, Object> extra) {
        ProducerFactory<String, byte[]> producers = DefaultProducerFactory.<String, byte[]>builder()
                .configuration(settings(extra)).confirmationMode(ConfirmationMode.WAIT_FOR_ACK).build();
        factories.add(producers);
        return producers;
    }

    private static Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    private static EventMessage<?> acknowledged(String feedback, String message) {
        return new GenericDomainEventMessage<>("Feedback", feedback, 1,
                new FeedbackAcknowledged(feedback, "initiative-7", message, Instant.EPOCH, "maria"));
    }

    private static double metric(ProducerFactory<String, byte[]> producers, String name) {
        return producers.createProducer().metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("producer-metrics")
                        && metric.getKey().name().equals(name))
                .map(metric -> (Double) metric.getValue().metricValue()).findFirst().orElseThrow();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOn(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
