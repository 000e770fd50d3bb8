package heard.wiring;

import heard.events.EventJson;
import heard.events.personal.JdbcParticipantKeys;
import heard.events.personal.ParticipantKeys;
import heard.events.personal.PersonalDataSerializer;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Axon infrastructure both sides configure alike: the events' JSON form, participants' keys, and the
 * token store their processors claim segments in. One auto-configuration for either side and for both in
 * one process; an application's own bean of the same kind replaces the one here.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class})
public class AxonInfrastructure {
    /**
     * The migrations' table, named as JPA's token store names it; Axon's JDBC store would otherwise look for
     * {@code TokenEntry} and camel-case columns.
     */
    public static final TokenSchema TOKEN_TABLE = TokenSchema.builder().setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name").setTokenTypeColumn("token_type").build();

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

    @Bean
    @ConditionalOnMissingBean
    public InstanceName instanceName() {
        return InstanceName.unique();
    }

    /**
     * Instances share this store, each claiming under its own name: a command side the publisher's one
     * segment, a query side its share of the projections' segments. A claim not renewed for
     * {@code heard.tokens.claim-timeout} may be taken by another instance; each side sets it from its own
     * setting ({@code heard.events.claim-timeout}, {@code heard.projections.claim-timeout}). Through JDBC
     * on the transaction's connection: a batch's token is one update, where JPA first read it under a lock
     * and then wrote it at the flush.
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(Serializer serializer, DataSource dataSource, InstanceName self,
                                 PlatformTransactionManager transactions,
                                 @Value("${heard.tokens.claim-timeout:PT5S}") Duration claimTimeout) {
        return new SharedTokenStore(JdbcTokenStore.builder().serializer(serializer)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource)).schema(TOKEN_TABLE)
                .nodeId(self.id()).claimTimeout(claimTimeout),
                transactions);
    }
}
