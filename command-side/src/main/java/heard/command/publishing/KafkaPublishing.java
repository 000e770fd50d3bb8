package heard.command.publishing;

import heard.events.topic.EventsTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every committed event goes to Kafka: the framework's publisher is a pooled streaming processor
 * that follows the event store with a token of its own, so nothing is sent that was not stored and
 * nothing stored is lost (at least once). It has one segment, so the topic receives the events in the
 * store's order; the records' key is the aggregate id. A publisher without a token (the first start, or
 * one whose token was lost) starts from the oldest event: the framework's default would start at the
 * newest as a replay, which the publisher ignores, and the history would never reach the topic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PublishingSetting.PROPERTY, havingValue = "true")
class KafkaPublishing {

    @Bean
    EventsTopic eventsTopic(KafkaProperties kafka) {
        EventsTopic topic = new EventsTopic(kafka.getDefaultTopic());
        topic.ensureExists(kafka.buildProducerProperties());
        return topic;
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, KafkaProperties kafka) {
        processing.registerPooledStreamingEventProcessorConfiguration(kafka.getPublisher().getProcessingGroup(),
                (configuration, builder) -> builder.initialSegmentCount(1)
                        .initialToken(StreamableMessageSource::createTailToken));
    }
}
