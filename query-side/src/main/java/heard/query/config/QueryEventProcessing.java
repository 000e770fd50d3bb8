package heard.query.config;

import heard.query.applied.AppliedEvents;
import heard.query.applied.SkipApplied;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Each projection is its own processing group, a pooled streaming processor with its own token.
 * Every projection skips the aggregate events it has already applied. An event a projection fails
 * to handle is parked in its dead-letter queue, with the later events of the same sequence behind
 * it so their order holds, and the projection goes on with the rest. Several query-side instances
 * share a projection's segments through the token store; {@code heard.projections.max-claimed-segments}
 * caps one instance's share so that the others get theirs. A work package handles up to
 * {@code heard.projections.batch-size} waiting events in one transaction with one token update, so a
 * projection that falls behind (a burst, a replay) catches up with far fewer commits; when it is quiet,
 * an event is handled as soon as it comes (see {@code WakingMessageSource} for the pace under load).
 * {@code heard.projections.segments} (16) is how many segments a projection's token is split into when
 * it is first made; the standalone app, one instance by definition, makes one, so that each projection
 * has one queue, one token and the largest batches.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class QueryEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing, Projections projections, AppliedEvents applied,
                   @Value("${heard.projections.max-claimed-segments:0}") int maxClaimedSegments,
                   @Value("${heard.projections.batch-size:100}") int batchSize,
                   @Value("${heard.projections.segments:16}") int segments) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSequencingPolicy("initiatives", configuration -> new ByInitiative());
        processing.registerSequencingPolicy("dashboard", configuration -> new ByInitiative());
        processing.registerDefaultHandlerInterceptor((configuration, group) -> projections.names().contains(group)
                ? new SkipApplied(group, applied)
                : (unitOfWork, chain) -> chain.proceed());
        processing.registerDeadLetterQueueProvider(group -> projections.names().contains(group)
                ? configuration -> deadLetters(group, configuration) : null);
        // without the cache, every event costs a query asking whether its sequence has parked letters
        projections.names().forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                group, (configuration, builder) -> builder.enableSequenceIdentifierCache()));
        processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> {
            builder.batchSize(batchSize).initialSegmentCount(segments);
            return maxClaimedSegments > 0 ? builder.maxClaimedSegments(maxClaimedSegments) : builder;
        });
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
