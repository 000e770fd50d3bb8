package heard.query.source;

import heard.events.topic.EventsTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection reads the events from Kafka: the topic is the default source of all pooled
 * streaming processors, whose Kafka positions are kept as tokens in this side's token store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SourceSetting.PROPERTY, havingValue = SourceSetting.KAFKA)
class KafkaSource {

    /** The stream lists the topic's partitions once, when it opens: the topic must exist by then. */
    @Bean
    EventsTopic eventsTopic(KafkaProperties kafka, @Value(EventsTopic.PARTITIONS) int partitions) {
        EventsTopic topic = new EventsTopic(kafka.getDefaultTopic(), partitions);
        topic.ensureExists(kafka.buildConsumerProperties());
        return topic;
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, ObjectProvider<StreamableKafkaMessageSource<?, ?>> kafka) {
        processing.configureDefaultStreamableMessageSource(configuration -> kafka.getObject());
    }
}
