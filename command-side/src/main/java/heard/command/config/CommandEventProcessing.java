package heard.command.config;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Processes and catalogs of the write side: the catalog, the shredding of a forgotten
 * participant's key, and the numbers that asked for SMS follow-up follow their events in the same transaction.
 */
@Configuration(proxyBeanMethods = false)
class CommandEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing, @Value(ClaimRenewal.TIMEOUT) Duration claimTimeout) {
        processing.usingPooledStreamingEventProcessors();
        // the loop-closing process: one instance at a time, as the publisher
        processing.registerPooledStreamingEventProcessorConfiguration("loop-closing",
                ClaimRenewal.within(claimTimeout));
        processing.registerSubscribingEventProcessor("catalog");
        processing.registerSubscribingEventProcessor("privacy");
        processing.registerSubscribingEventProcessor("sms-numbers");
    }
}
