package heard.command.publishing;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code heard.events.publish-to-kafka} (default false) switches the framework's Kafka publisher,
 * so that an app that does not publish creates no producer and never connects to a broker.
 * An explicit {@code axon.kafka.publisher.enabled} still wins.
 */
public class PublishingSetting implements EnvironmentPostProcessor {
    static final String PROPERTY = "heard.events.publish-to-kafka";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean publish = environment.getProperty(PROPERTY, Boolean.class, false);
        environment.getPropertySources().addLast(new MapPropertySource("heard-events-publishing",
                Map.of("axon.kafka.publisher.enabled", String.valueOf(publish))));
    }
}
