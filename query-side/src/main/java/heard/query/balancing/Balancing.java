package heard.query.balancing;

import heard.wiring.InstanceName;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Query-side instances share every projection's segments evenly between the ones that are up
 * ({@code heard.projections.balance}, on unless one instance is all there is, as in the standalone app).
 * An instance beats every {@code heard.projections.heartbeat} (1 s) and counts as up for
 * {@code heard.projections.liveness} (5 s) after its last beat.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "heard.projections.balance", havingValue = "true", matchIfMissing = true)
class Balancing {

    @Bean
    LiveInstances liveInstances(DataSource dataSource, InstanceName self,
                                @Value("${heard.projections.liveness:PT5S}") Duration liveness) {
        return new LiveInstances(dataSource, self, liveness, Clock.systemUTC());
    }

    @Bean
    Heartbeat heartbeat(LiveInstances instances, @Value("${heard.projections.heartbeat:PT1S}") Duration interval) {
        return new Heartbeat(instances, interval);
    }

    @Bean
    FairShare fairShare(LiveInstances instances,
                        @Value("${heard.projections.max-claimed-segments:0}") int cap) {
        return new FairShare(instances, cap);
    }
}
