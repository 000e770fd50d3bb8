package heard.query.config;

import heard.query.applied.AppliedEvents;
import heard.query.applied.SkipApplied;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Each projection is its own processing group, a pooled streaming processor with its own token.
 * Every projection skips the aggregate events it has already applied. Several query-side instances
 * share a projection's segments through the token store; {@code heard.projections.max-claimed-segments}
 * caps one instance's share so that the others get theirs.
 */
@Configuration(proxyBeanMethods = false)
class QueryEventProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing, Projections projections, AppliedEvents applied,
                   @Value("${heard.projections.max-claimed-segments:0}") int maxClaimedSegments) {
        processing.usingPooledStreamingEventProcessors();
        processing.registerSequencingPolicy("initiatives", configuration -> new ByInitiative());
        processing.registerSequencingPolicy("dashboard", configuration -> new ByInitiative());
        processing.registerDefaultHandlerInterceptor((configuration, group) -> projections.names().contains(group)
                ? new SkipApplied(group, applied)
                : (unitOfWork, chain) -> chain.proceed());
        if (maxClaimedSegments > 0) {
            processing.registerPooledStreamingEventProcessorConfiguration(
                    (configuration, builder) -> builder.maxClaimedSegments(maxClaimedSegments));
        }
    }
}
