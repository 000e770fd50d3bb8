package heard.query.config;

import heard.query.balancing.FairShare;
import heard.query.parking.FailTheBatch;
import heard.query.parking.NamedSequences;
import heard.query.parking.ParkAlone;
import heard.query.parking.Parking;
import heard.query.rebuild.IntoShadow;
import heard.query.rebuild.Rebuilds;
import heard.query.redelivery.AppliedEvents;
import heard.query.redelivery.SkipApplied;
import heard.wiring.commits.StoredLater;
import java.time.Duration;
import java.util.Set;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each projection is its own processing group, a pooled streaming processor with its own token.
 * Every projection skips the aggregate events it has already applied: through a mark per aggregate in
 * {@code applied_event}, or, for the dashboard, the returned-learning feed and the inbox, by the mark each of their
 * rows holds (see {@code DashboardProjection}, {@code ReturnedLearningProjection}, {@code InboxProjection}),
 * which costs no row and no statement of its own; the decisions and the learning feed need no mark at all, since
 * an event applied again writes the same rows (see {@code DecisionProjection}, {@code LearningFeedProjection}).
 * An event a projection cannot
 * store, whether its handler fails or its writes fail at commit, is parked alone in its dead-letter
 * queue (see {@link ParkAlone}), with the later events of the same sequence behind it so their order
 * holds, and the projection goes on with the rest; a replay empties the queue first and is applied to
 * copies of the projection's tables while the live ones keep answering (see {@code heard.query.rebuild}).
 * Several query-side instances
 * share a projection's segments through the token store, each holding its {@link FairShare}
 * ({@code heard.projections.max-claimed-segments}, when set, caps it); a claim lapses
 * {@code heard.projections.claim-timeout} (5 s) after its holder last renewed it, so the segments of an
 * instance that died move to the others within seconds. A work package handles up to
 * {@code heard.projections.batch-size} waiting events in one transaction with one token update, so a
 * projection that falls behind (a burst, a replay) catches up with far fewer commits; when it is quiet,
 * an event is handled as soon as it comes (see {@code WakingMessageSource} for the pace under load).
 * {@code heard.projections.segments} (4) is how many segments a projection's token is split into when
 * it is first made: as many query sides as can share the work, and no more, since each segment is one more
 * queue, claim and token to renew, and a smaller batch; the standalone app, one instance by definition, makes one, so that each projection
 * has one queue, one token and the largest batches. {@code heard.projections.claim-interval} (1 s) is how
 * often a projection looks for segments it may claim: a segment released after a failed batch, or left
 * by an instance that stopped, is taken up again within about that time.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class QueryEventProcessing {
    /**
     * Projections that tell a redelivered event by their own rows, or to which it makes no difference, and keep
     * no marks in {@code applied_event}.
     */
    private static final Set<String> OWN_MARKS = Set.of("dashboard", "returned-learning", "inbox", "decisions",
            "learning-feed");

    @Autowired
    void configure(EventProcessingConfigurer processing, Projections projections, AppliedEvents applied,
                   Rebuilds rebuilds,
                   PlatformTransactionManager transactions,
                   @Value("${heard.projections.max-claimed-segments:0}") int maxClaimedSegments,
                   @Value("${heard.projections.batch-size:1000}") int batchSize,
                   @Value("${heard.projections.segments:4}") int segments,
                   @Value("${heard.projections.claim-interval:PT1S}") Duration claimInterval,
                   @Value("${heard.projections.claim-timeout:PT5S}") Duration claimTimeout,
                   ObjectProvider<FairShare> fairShare) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSequencingPolicy("initiatives", configuration -> new ByInitiative());
        processing.registerSequencingPolicy("dashboard", configuration -> new ByInitiative());
        // registered first, so outermost: an event's applied mark is written in the transaction of its changes
        processing.registerDefaultHandlerInterceptor((configuration, group) -> projections.names().contains(group)
                ? new ParkAlone(group, new Parking(group, configuration.eventProcessingConfiguration()), transactions)
                : (unitOfWork, chain) -> chain.proceed());
        // next, so that every transaction applying a projection's events, a batch's or one event's alone,
        // writes to its shadow tables while it is rebuilt
        processing.registerDefaultHandlerInterceptor((configuration, group) -> projections.names().contains(group)
                ? new IntoShadow(group, rebuilds)
                : (unitOfWork, chain) -> chain.proceed());
        processing.registerDefaultHandlerInterceptor((configuration, group) -> projections.names().contains(group)
                && !OWN_MARKS.contains(group)
                ? new SkipApplied(group, applied)
                : (unitOfWork, chain) -> chain.proceed());
        projections.names().forEach(group -> {
            processing.registerTransactionManager(group,
                    configuration -> StoredLater.transactions(configuration.getComponent(TransactionManager.class)));
            // for each group by name: Axon's JPA auto-configuration may replace a provider registered for all
            processing.registerDeadLetterQueue(group,
                    configuration -> new NamedSequences(deadLetters(group, configuration)));
            processing.registerDeadLetterPolicy(group, configuration -> new FailTheBatch(group));
            // without the cache, every event costs a query asking whether its sequence has parked letters
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, builder) ->
                    builder.enableSequenceIdentifierCache().allowReset(true));
        });
        // follow-up tells participants of what happens from now on, not of the history before it first ran
        processing.registerPooledStreamingEventProcessorConfiguration(Projections.FOLLOW_UP,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
        processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> {
            builder.batchSize(batchSize).initialSegmentCount(segments).tokenClaimInterval(claimInterval.toMillis())
                    // a claim is renewed well before it lapses, a busy segment's too
                    .claimExtensionThreshold(claimTimeout.toMillis() / 3).enableCoordinatorClaimExtension();
            FairShare share = fairShare.getIfAvailable();
            return share != null ? builder.maxSegmentProvider(share)
                    : maxClaimedSegments > 0 ? builder.maxClaimedSegments(maxClaimedSegments) : builder;
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
