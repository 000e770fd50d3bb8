package heard.command.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Review deadlines live in Quartz's JDBC job store, in the same database and transaction as the
 * events that schedule them, so a deadline set before a restart still fires after it.
 */
@Configuration(proxyBeanMethods = false)
class ReviewDeadlines {
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, SpringAxonConfiguration axon, Serializer serializer,
            TransactionManager transactionManager) {
        return QuartzDeadlineManager.builder()
                .scheduler(scheduler)
                // resolved when a deadline fires, not while the configuration is still being built
                .scopeAwareProvider(scope -> new ConfigurationScopeAwareProvider(axon.getObject())
                        .provideScopeAwareStream(scope))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
    }

    /**
     * All of Quartz's settings: clustered, so that several write-side instances share the job
     * store and each deadline fires once; PostgreSQL needs its own way of reading blobs.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzSettings(DataSource dataSource) {
        return factory -> {
            var settings = new Properties();
            settings.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            settings.setProperty("org.quartz.jobStore.isClustered", "true");
            settings.setProperty("org.quartz.jobStore.driverDelegateClass", "postgresql".equals(vendor(dataSource))
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                    : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(settings);
        };
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName()).getId();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the review deadlines", e);
        }
    }
}
