package heard.query.source;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code heard.events.source} says where the projections read events: {@code kafka} (the topic the
 * command side publishes to) or {@code event-store} (the command side's store in the same database,
 * as in the standalone app; the default). It switches the framework's Kafka fetcher, so that
 * reading the event store creates no consumer and never connects to a broker.
 */
public class SourceSetting implements EnvironmentPostProcessor {
    static final String PROPERTY = "heard.events.source";
    static final String KAFKA = "kafka";
    static final String EVENT_STORE = "event-store";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String source = environment.getProperty(PROPERTY, EVENT_STORE);
        if (!Set.of(KAFKA, EVENT_STORE).contains(source)) {
            throw new IllegalArgumentException(PROPERTY + " is '" + source + "'; it may be kafka or event-store");
        }
        environment.getPropertySources().addLast(new MapPropertySource("heard-events-source",
                Map.of("axon.kafka.fetcher.enabled", String.valueOf(KAFKA.equals(source)))));
    }
}
