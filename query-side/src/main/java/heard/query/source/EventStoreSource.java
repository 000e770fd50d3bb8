package heard.query.source;

import heard.events.waking.WakingMessageSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The projections read the event store of the same database (the standalone app, or a query side
 * set to {@code event-store}), through streams that wake them when events arrive.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SourceSetting.PROPERTY, havingValue = SourceSetting.EVENT_STORE, matchIfMissing = true)
class EventStoreSource implements DisposableBean {
    private final AtomicReference<WakingMessageSource> source = new AtomicReference<>();

    @Autowired
    void configure(EventProcessingConfigurer processing,
                   @Value("${heard.projections.gather-millis:20}") long gatherMillis) {
        processing.configureDefaultStreamableMessageSource(configuration -> source.updateAndGet(
                existing -> existing != null ? existing
                        : new WakingMessageSource(configuration.eventStore(), Duration.ofMillis(gatherMillis))));
    }

    @Override
    public void destroy() {
        WakingMessageSource existing = source.get();
        if (existing != null) {
            existing.close();
        }
    }
}
