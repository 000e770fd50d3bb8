package heard.command.config;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;

/**
 * The claim settings of a command-side processor that runs on one instance at a time, whichever is up:
 * its claim is renewed three times within the claim timeout (a busy one's too), and another instance
 * looks every second for a claim that lapsed, so it takes over within seconds of the holder's death.
 */
public final class ClaimRenewal {
    public static final String TIMEOUT = "${heard.events.claim-timeout:PT5S}";
    private static final long CLAIM_INTERVAL_MILLIS = 1000;

    private ClaimRenewal() {
    }

    public static PooledStreamingProcessorConfiguration within(Duration claimTimeout) {
        return (configuration, builder) -> builder.tokenClaimInterval(CLAIM_INTERVAL_MILLIS)
                .claimExtensionThreshold(claimTimeout.toMillis() / 3)
                .enableCoordinatorClaimExtension();
    }
}
