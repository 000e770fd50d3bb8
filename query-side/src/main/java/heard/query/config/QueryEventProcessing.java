package heard.query.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Each projection is its own processing group, a pooled streaming processor with its own token. */
@Configuration(proxyBeanMethods = false)
class QueryEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSequencingPolicy("initiatives", configuration -> new ByInitiative());
        processing.registerSequencingPolicy("dashboard", configuration -> new ByInitiative());
    }
}
