package heard.command.config;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The write side's tables (event store, tokens, catalog, and the participants' keys, whose script
 * is in shared-events beside the code that reads them), migrated with their own history table
 * so that both sides can share one database. Portable scripts are in {@code common}; Axon's
 * binary columns differ per vendor.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan({"org.axonframework.eventsourcing.eventstore.jpa", "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.eventhandling.deadletter.jpa", "org.axonframework.modelling.saga.repository.jpa"})
class CommandSchema {
    @Bean
    FlywayMigrationInitializer commandSchemaMigration(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_history_command")
                .locations("classpath:db/command/common", "classpath:db/keys",
                        "classpath:db/command/" + DatabaseVendor.of(dataSource),
                        "classpath:db/sessions/common", "classpath:db/sessions/" + DatabaseVendor.of(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        return new FlywayMigrationInitializer(flyway);
    }

}
