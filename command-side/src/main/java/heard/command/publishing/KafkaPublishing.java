package heard.command.publishing;

import heard.command.config.ClaimRenewal;
import heard.events.topic.EventsTopic;
import heard.events.waking.WakingMessageSource;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every committed event goes to Kafka: the framework's publisher is a pooled streaming processor
 * that follows the event store with a token of its own, so nothing is sent that was not stored and
 * nothing stored is lost (at least once). It has one segment, so it sends the events in the store's
 * order; each record's key is its initiative (see {@link KeyedByInitiative}). Every command-side
 * instance runs it, and the one holding its claim publishes; when that one dies, another takes the claim
 * over within seconds (see {@link ClaimRenewal}) and goes on from the token, so nothing stored is left
 * unpublished. A publisher without a token (the first start, or one whose token was lost) starts from
 * the oldest event: the framework's default would start at the newest as a replay, which the publisher
 * ignores, and the history would never reach the topic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PublishingSetting.PROPERTY, havingValue = "true")
class KafkaPublishing {

    @Bean
    EventsTopic eventsTopic(KafkaProperties kafka, @Value(EventsTopic.PARTITIONS) int partitions) {
        EventsTopic topic = new EventsTopic(kafka.getDefaultTopic(), partitions);
        topic.ensureExists(kafka.buildProducerProperties());
        return topic;
    }

    /**
     * Acknowledged per batch (see {@link AcknowledgedPerBatch}), and waiting longer for the broker than the
     * framework's one second, which a busy broker easily exceeds: an acknowledgement that comes after the wait has
     * given up makes the batch be sent again.
     */
    @Bean(destroyMethod = "shutDown")
    KafkaPublisher<String, byte[]> kafkaPublisher(@Qualifier("eventSerializer") Serializer serializer,
                                                  ProducerFactory<String, byte[]> producers,
                                                  KafkaMessageConverter<String, byte[]> converter,
                                                  org.axonframework.config.Configuration configuration,
                                                  TopicResolver topics,
                                                  @Value("${heard.events.publish-ack-timeout:10s}") Duration ackTimeout) {
        return new AcknowledgedPerBatch(serializer, producers, new KeyedByInitiative(converter), topics,
                configuration.messageMonitor(KafkaPublisher.class, "kafkaPublisher"), ackTimeout);
    }

    /**
     * Up to {@code heard.events.publish-batch-size} events waiting in the store are sent together, and the token
     * is stored once for them.
     */
    @Autowired
    void configure(EventProcessingConfigurer processing, KafkaProperties kafka,
                   @Value(ClaimRenewal.TIMEOUT) Duration claimTimeout,
                   @Value("${heard.events.publish-batch-size:100}") int batchSize,
                   ObjectProvider<WakingMessageSource> events) {
        processing.registerPooledStreamingEventProcessorConfiguration(kafka.getPublisher().getProcessingGroup(),
                ClaimRenewal.within(claimTimeout).andThen((configuration, builder) -> builder.initialSegmentCount(1)
                        .batchSize(batchSize).initialToken(StreamableMessageSource::createTailToken)
                        .messageSource(events.getObject())));
    }

    /**
     * The event store, read through streams that wake the publisher when events are stored: the store's own
     * streams cannot, and the publisher looked for new events only every half second.
     */
    @Bean(destroyMethod = "close")
    WakingMessageSource publishedEvents(EventStore store,
                                        @Value("${heard.events.publish-gather-millis:20}") long gatherMillis) {
        return new WakingMessageSource(store, Duration.ofMillis(gatherMillis));
    }
}
