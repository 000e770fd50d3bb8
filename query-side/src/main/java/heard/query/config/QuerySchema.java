package heard.query.config;

import heard.query.schema.QueryMigrations;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The read models and the tokens of their processors, migrated with their own history table so
 * that both sides can share one database (see {@link QueryMigrations}); Axon's binary token column differs per
 * vendor.
 * With {@code heard.events.source=event-store} it reads the events from the write side's store in the same database.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan({"heard.query", "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.eventhandling.deadletter.jpa", "org.axonframework.eventsourcing.eventstore.jpa"})
@EnableJpaRepositories("heard.query")
public class QuerySchema {
    @Bean
    FlywayMigrationInitializer querySchemaMigration(DataSource dataSource) throws SQLException {
        Flyway flyway = QueryMigrations.of(dataSource)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        return new FlywayMigrationInitializer(flyway);
    }
}
