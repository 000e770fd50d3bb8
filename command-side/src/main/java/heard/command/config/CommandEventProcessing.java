package heard.command.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Processes and catalogs of the write side: the catalog, and the shredding of a forgotten
 * participant's key, follow their events in the same transaction.
 */
@Configuration(proxyBeanMethods = false)
class CommandEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSubscribingEventProcessor("catalog");
        processing.registerSubscribingEventProcessor("privacy");
    }
}
