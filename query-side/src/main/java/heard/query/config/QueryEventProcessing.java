package heard.query.config;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each projection is its own processing group, a pooled streaming processor with its own token.
 * An event a projection fails to handle is parked in its dead-letter queue, with the later events
 * of the same sequence behind it so their order holds, and the projection goes on with the rest.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class QueryEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing, ObjectProvider<Projections> projections) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSequencingPolicy("initiatives", configuration -> new ByInitiative());
        processing.registerSequencingPolicy("dashboard", configuration -> new ByInitiative());
        processing.registerDeadLetterQueueProvider(group -> projections.getObject().names().contains(group)
                ? configuration -> deadLetters(group, configuration) : null);
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> deadLetters(String group, Configuration configuration) {
        return JpaSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .entityManagerProvider(configuration.getComponent(EntityManagerProvider.class))
                .transactionManager(configuration.getComponent(TransactionManager.class))
                .serializer(configuration.serializer())
                .eventSerializer(configuration.eventSerializer())
                .build();
    }
}
