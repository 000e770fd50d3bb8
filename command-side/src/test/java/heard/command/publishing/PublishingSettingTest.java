package heard.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** heard.events.publish-to-kafka decides whether the framework's Kafka publisher exists at all. */
class PublishingSettingTest {
    private String publisherWith(MockEnvironment environment) {
        new PublishingSetting().postProcessEnvironment(environment, null);
        return environment.getProperty("axon.kafka.publisher.enabled");
    }

    @Test
    void theSettingTurnsThePublisherOnOrOff() {
        assertThat(publisherWith(new MockEnvironment().withProperty("heard.events.publish-to-kafka", "true")))
                .isEqualTo("true");
        assertThat(publisherWith(new MockEnvironment().withProperty("heard.events.publish-to-kafka", "false")))
                .isEqualTo("false");
        assertThat(publisherWith(new MockEnvironment())).isEqualTo("false");
    }

    @Test
    void anExplicitFrameworkSettingStillWins() {
        assertThat(publisherWith(new MockEnvironment().withProperty("heard.events.publish-to-kafka", "true")
                .withProperty("axon.kafka.publisher.enabled", "false"))).isEqualTo("false");
    }
}
