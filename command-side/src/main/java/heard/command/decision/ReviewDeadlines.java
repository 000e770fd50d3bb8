package heard.command.decision;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import heard.command.config.DatabaseVendor;
import java.util.Properties;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Review deadlines live in Quartz's JDBC job store, in the same database and transaction as the
 * events that schedule them, so a deadline set before a restart still fires after it.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewDeadlines {
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, SpringAxonConfiguration axon,
            TransactionManager transactionManager) {
        return QuartzDeadlineManager.builder()
                .scheduler(scheduler)
                // resolved when a deadline fires, not while the configuration is still being built
                .scopeAwareProvider(scope -> new ConfigurationScopeAwareProvider(axon.getObject())
                        .provideScopeAwareStream(scope))
                .serializer(deadlineSerializer())
                .transactionManager(transactionManager)
                .build();
    }

    /**
     * A deadline is stored with Axon's description of the aggregate it belongs to, which Jackson
     * must read through its getters and creator. The events' mapper sees fields only (so that
     * snapshots keep private state); it would store a decision's scope without the decision's id,
     * and no review could then be cancelled or delivered.
     */
    static Serializer deadlineSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder()
                        .addModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build())
                .build();
    }

    /**
     * All of Quartz's settings: clustered, so that several write-side instances share the job
     * store and each deadline fires once; PostgreSQL needs its own way of reading blobs.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzSettings(DataSource dataSource) {
        return factory -> factory.setQuartzProperties(
                clustered("postgresql".equals(DatabaseVendor.of(dataSource))));
    }

    /**
     * Quartz clustered on the shared job store. Instances take a due trigger under the store's lock: without it
     * Quartz trusts an update's row count to tell the one instance that took it, and on H2 two instances
     * sometimes both took the same time ({@code StaffDigestClusterTest}).
     */
    public static Properties clustered(boolean postgres) {
        var settings = new Properties();
        settings.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        settings.setProperty("org.quartz.jobStore.isClustered", "true");
        settings.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        settings.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        return settings;
    }

}
