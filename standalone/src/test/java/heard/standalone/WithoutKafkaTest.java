package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/** One JVM needs no broker: the projections read the local event store and no Kafka client is made. */
@StandaloneTest
class WithoutKafkaTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void noKafkaClientIsMade() {
        for (Class<?> kafka : new Class<?>[] {ProducerFactory.class, KafkaPublisher.class, ConsumerFactory.class,
                Fetcher.class, KafkaMessageConverter.class}) {
            assertThat(context.getBeanNamesForType(kafka)).as(kafka.getSimpleName()).isEmpty();
        }
        assertThat(processing.eventProcessors()).doesNotContainKey("kafka-publisher");
    }

    @Test
    void theProjectionsReadTheEventStore() {
        PooledStreamingEventProcessor inbox = processing
                .eventProcessor("inbox", PooledStreamingEventProcessor.class).orElseThrow();
        Object source = ReflectionTestUtils.getField(inbox, "messageSource");
        // the event store itself, whose streams are only taught to wake the processor when events arrive
        assertThat(source.getClass().getSimpleName()).isEqualTo("WakingMessageSource");
        assertThat(ReflectionTestUtils.getField(source, "source")).isSameAs(eventStore);
    }
}
