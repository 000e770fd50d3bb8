package heard.query.source;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.EventJson;
import heard.query.config.ProjectionTest;
import heard.wiring.AxonInfrastructure;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Kafka positions are kept in this side's token store, as JSON through the project's mapper, in the table of
 * the migrations.
 */
@ProjectionTest
class KafkaTokenStorageTest {
    @Autowired
    DataSource dataSource;

    private final KafkaTrackingToken token = KafkaTrackingToken.newInstance(
            Map.of(new TopicPartition("heard.events", 0), 41L, new TopicPartition("heard.events", 1), 7L));

    private JdbcTokenStore tokenStore() {
        return JdbcTokenStore.builder()
                .serializer(JacksonSerializer.builder().objectMapper(EventJson.mapper()).build())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .schema(AxonInfrastructure.TOKEN_TABLE)
                .build();
    }

    @Test
    void aKafkaTokenComesBackAsItWasStored() {
        tokenStore().initializeTokenSegments("inbox", 1, token);

        TrackingToken fetched = tokenStore().fetchToken("inbox", 0);

        assertThat(fetched).isEqualTo(token);
        assertThat(((KafkaTrackingToken) fetched).getPositions())
                .containsEntry(new TopicPartition("heard.events", 0), 41L);
    }

    @Test
    void aReplayingTokenComesBackToo() {
        TrackingToken replaying = ReplayToken.createReplayToken(token, KafkaTrackingToken.emptyToken());
        tokenStore().initializeTokenSegments("dashboard", 1, replaying);

        assertThat(tokenStore().fetchToken("dashboard", 0)).isEqualTo(replaying);
    }
}
