package heard.command.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Processes and catalogs of the write side: the catalog, the shredding of a forgotten
 * participant's key, and the numbers that asked for SMS follow-up follow their events in the same transaction.
 */
@Configuration(proxyBeanMethods = false)
class CommandEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSubscribingEventProcessor("catalog");
        processing.registerSubscribingEventProcessor("privacy");
        processing.registerSubscribingEventProcessor("sms-numbers");
    }
}
