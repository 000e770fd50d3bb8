package heard.wiring.store;

import java.time.Duration;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The event store and its JPA storage as Axon's Spring Boot configuration makes them (which makes neither once an
 * event store is declared), for either side and for both in one process, but:
 * <ul>
 *   <li>the store tells its readers of new events after the commit ({@link CommittedEventStore});</li>
 *   <li>a reader that found nothing looks again after {@code heard.events.store-poll} (50 ms) rather than Axon's
 *   second. Only this process's appends wake a reader; another process's (a second command side behind the one
 *   that publishes to Kafka, or the write side under a query side set to {@code event-store}) are found by looking,
 *   and a second's look was a second of lag.</li>
 *   <li>a reader behind the head (a rebuild, a projection catching up) reads {@code heard.events.read-batch} (1000)
 *   events a query rather than Axon's 100: each query's own work, repeated for every projection, was a tenth of
 *   a rebuild.</li>
 *   <li>the readers behind the head share what they read ({@link SharedReadEventStorageEngine}): the last
 *   {@code heard.events.shared-batches} (16) full batches, none older than {@code heard.events.shared-batches-for}
 *   (10 s).</li>
 * </ul>
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class,
        JpaEventStoreAutoConfiguration.class})
public class EventStoreWiring {
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${heard.events.read-batch:1000}") int readBatch,
                                                 @Value("${heard.events.shared-batches:16}") int sharedBatches,
                                                 @Value("${heard.events.shared-batches-for:10s}") Duration sharedFor) {
        return new SharedReadEventStorageEngine(JpaEventStorageEngine.builder()
                .batchSize(readBatch)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), sharedBatches, sharedFor);
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         @Value("${heard.events.store-poll:50ms}") Duration poll) {
        return new CommittedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(poll.toMillis())
                .threadFactory(new AxonThreadFactory(SharedReadEventStorageEngine.HEAD_READER))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }
}
