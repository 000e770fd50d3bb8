package heard.query.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the live dashboard keeps its viewers up to date: how often it looks for changed figures,
 * how often it tells an idle viewer it is still there, and how long one stream lasts before the
 * browser reconnects.
 */
@ConfigurationProperties("heard.dashboard.live")
public record LiveDashboard(Duration interval, Duration heartbeat, Duration timeout) {
    public LiveDashboard {
        interval = interval == null ? Duration.ofMillis(500) : interval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    }
}
