package heard.command.config;

import heard.events.EventJson;
import heard.events.personal.JdbcParticipantKeys;
import heard.events.personal.ParticipantKeys;
import heard.events.personal.PersonalDataSerializer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon infrastructure this side needs when it runs alone. An auto-configuration with
 * missing-bean conditions, so that standalone, which holds both sides, gets one of each.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class})
public class CommandInfrastructure {

    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "serializer")
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /** Events carry participants' words encrypted with their keys (crypto-shredding: docs/security.md). */
    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingBean(name = "eventSerializer")
    public Serializer eventSerializer(Serializer serializer, ParticipantKeys keys) {
        return new PersonalDataSerializer(serializer, keys);
    }

    /** In the shared database; inside a transaction, read and written on its connection. */
    @Bean
    @ConditionalOnMissingBean
    public ParticipantKeys participantKeys(DataSource dataSource) {
        return new JdbcParticipantKeys(new TransactionAwareDataSourceProxy(dataSource), Duration.ofMinutes(1),
                Clock.systemUTC());
    }

    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnMissingBean(name = "messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Command-side instances share this store: one holds the publisher's claim, and another may take it
     * once it was not renewed for {@code heard.events.claim-timeout} (see {@link ClaimRenewal}).
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                                 @Value(ClaimRenewal.TIMEOUT) Duration claimTimeout) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        return JpaTokenStore.builder().serializer(serializer).entityManagerProvider(entityManagerProvider)
                .nodeId(owner).claimTimeout(claimTimeout).build();
    }
}
