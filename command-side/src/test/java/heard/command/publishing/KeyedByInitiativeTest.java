package heard.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.EventJson;
import heard.events.FeedbackAcknowledged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class KeyedByInitiativeTest {
    private final DefaultKafkaMessageConverter framework = DefaultKafkaMessageConverter.builder()
            .serializer(JacksonSerializer.builder().objectMapper(EventJson.mapper()).build()).build();
    private final KeyedByInitiative converter = new KeyedByInitiative(framework);

    @Test
    void anEventOfAnInitiativeIsKeyedByItAndOtherwiseSentAsTheFrameworkSendsIt() {
        EventMessage<?> acknowledged = new GenericDomainEventMessage<>("Feedback", "feedback-1", 3,
                new FeedbackAcknowledged("feedback-1", "initiative-7", "Thanks", Instant.EPOCH, "maria"));

        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(acknowledged, "heard.events");
        ProducerRecord<String, byte[]> asTheFrameworkMadeIt = framework.createKafkaMessage(acknowledged, "heard.events");

        assertThat(record.key()).isEqualTo("initiative-7");
        assertThat(asTheFrameworkMadeIt.key()).isEqualTo("feedback-1");
        assertThat(record.topic()).isEqualTo("heard.events");
        assertThat(record.value()).isEqualTo(asTheFrameworkMadeIt.value());
        assertThat(new String(record.headers().lastHeader("axon-message-aggregate-id").value(), StandardCharsets.UTF_8))
                .isEqualTo("feedback-1");

        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("heard.events", 2, 40, record.key(),
                record.value());
        record.headers().forEach(header -> received.headers().add(header));
        EventMessage<?> read = converter.readKafkaMessage(received).orElseThrow();
        assertThat(read).isInstanceOf(DomainEventMessage.class);
        assertThat(((DomainEventMessage<?>) read).getAggregateIdentifier()).isEqualTo("feedback-1");
        assertThat(((DomainEventMessage<?>) read).getSequenceNumber()).isEqualTo(3);
    }

    @Test
    void theInitiativeIsFoundAtTheTopLevelOfTheJsonOnly() {
        assertThat(KeyedByInitiative.initiative("""
                {"feedbackId": "f", "nested": {"initiativeId": "inner"}, "list": [1, {"a": 2}], "initiativeId": "outer"}"""
                .getBytes(StandardCharsets.UTF_8))).contains("outer");
        assertThat(KeyedByInitiative.initiative("{\"indicatorId\": \"i\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(KeyedByInitiative.initiative("{\"initiativeId\": null}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(KeyedByInitiative.initiative("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(KeyedByInitiative.initiative(null)).isEmpty();
    }
}
