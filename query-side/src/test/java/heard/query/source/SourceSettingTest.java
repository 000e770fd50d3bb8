package heard.query.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** heard.events.source decides whether the framework's Kafka fetcher exists at all. */
class SourceSettingTest {
    private String fetcherWith(String source) {
        MockEnvironment environment = new MockEnvironment();
        if (source != null) {
            environment.setProperty("heard.events.source", source);
        }
        new SourceSetting().postProcessEnvironment(environment, null);
        return environment.getProperty("axon.kafka.fetcher.enabled");
    }

    @Test
    void kafkaTurnsTheFetcherOnAndTheEventStoreOff() {
        assertThat(fetcherWith("kafka")).isEqualTo("true");
        assertThat(fetcherWith("event-store")).isEqualTo("false");
        assertThat(fetcherWith(null)).isEqualTo("false");
    }

    @Test
    void anExplicitFrameworkSettingStillWins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("heard.events.source", "kafka").withProperty("axon.kafka.fetcher.enabled", "false");
        new SourceSetting().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("axon.kafka.fetcher.enabled")).isEqualTo("false");
    }

    @Test
    void anyOtherSourceIsRefused() {
        assertThatThrownBy(() -> fetcherWith("database")).hasMessageContaining("kafka or event-store");
    }
}
