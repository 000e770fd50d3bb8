package heard.query.source;

import heard.events.topic.EventsTopic;
import heard.events.waking.WakingMessageSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection reads the events from Kafka: the topic is the default source of all pooled
 * streaming processors, whose Kafka positions are kept as tokens in this side's token store. Their
 * streams wake them when records arrive; without that, each looked for new records every half second.
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

    @Bean
    Fetched fetched() {
        return new Fetched();
    }

    /**
     * As the framework makes it, but with streams that hand records on in the order they were fetched, and tell
     * when their consumer fetched some.
     */
    @Bean
    <K, V> StreamableKafkaMessageSource<K, V> streamableKafkaMessageSource(
            @Qualifier("eventSerializer") Serializer serializer, KafkaProperties kafka, ConsumerFactory<K, V> consumers,
            Fetcher<K, V, KafkaEventMessage> fetcher, KafkaMessageConverter<K, V> converter, Fetched fetched) {
        return StreamableKafkaMessageSource.<K, V>builder()
                .topics(List.of(kafka.getDefaultTopic()))
                .serializer(serializer)
                .consumerFactory(consumers)
                .fetcher(fetcher)
                .messageConverter(converter)
                .bufferFactory(() -> new FetchOrderBuffer(kafka.getFetcher().getBufferSize(), fetched))
                .build();
    }

    /**
     * Each processor's stream has a consumer of its own, which may receive a record a little after the
     * watcher's: the processors are also woken when their consumers fetch.
     */
    @Bean(destroyMethod = "close")
    WakingMessageSource wakingKafkaSource(StreamableKafkaMessageSource<?, ?> kafka,
                                          ConsumerFactory<?, ?> consumers, EventsTopic topic, Fetched fetched,
                                          @Value("${heard.projections.gather-millis:20}") long gatherMillis) {
        WakingMessageSource waking = new WakingMessageSource(kafka, () -> head(consumers, topic),
                Duration.ofMillis(gatherMillis));
        fetched.tell(waking::arrived);
        return waking;
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, ObjectProvider<WakingMessageSource> waking) {
        processing.configureDefaultStreamableMessageSource(configuration -> waking.getObject());
    }

    /** The position of the last record of each partition, read by a consumer closed at once. */
    private static TrackingToken head(ConsumerFactory<?, ?> consumers, EventsTopic topic) {
        try (Consumer<?, ?> consumer = consumers.createConsumer(null)) {
            var partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            Map<TopicPartition, Long> last = consumer.endOffsets(partitions).entrySet().stream()
                    .filter(end -> end.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue() - 1));
            return KafkaTrackingToken.newInstance(last);
        }
    }
}
