package heard.command.publishing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

/**
 * The framework's records, keyed by the event's initiative instead of its aggregate: Kafka puts the
 * records of one key in one partition, in the order they were sent, so everything of one initiative
 * (its launch before its feedback, a decision's versions in sequence) stays in order however many
 * partitions the topic has. The initiative is read from the record's JSON, where it is never encrypted,
 * so the event is not decrypted to be sent; an event without one keeps its aggregate's id.
 */
class KeyedByInitiative implements KafkaMessageConverter<String, byte[]> {
    private static final JsonFactory JSON = new JsonFactory();
    private final KafkaMessageConverter<String, byte[]> framework;

    KeyedByInitiative(KafkaMessageConverter<String, byte[]> framework) {
        this.framework = framework;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        ProducerRecord<String, byte[]> record = framework.createKafkaMessage(event, topic);
        return initiative(record.value())
                .map(initiative -> new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                        initiative, record.value(), record.headers()))
                .orElse(record);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        return framework.readKafkaMessage(record);
    }

    /** The top-level {@code initiativeId} of the event's JSON, if it has one. */
    static Optional<String> initiative(byte[] json) {
        if (json == null) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("initiativeId".equals(field) && value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
