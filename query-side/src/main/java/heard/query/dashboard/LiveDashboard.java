package heard.query.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the live dashboard keeps its viewers up to date: how often it looks for changed figures,
 * how often it tells an idle viewer it is still there, how long one stream lasts before the
 * browser reconnects, and how long the public figures stand at least before they may move (see
 * {@link PublicDashboard}).
 */
@ConfigurationProperties("heard.dashboard.live")
public record LiveDashboard(Duration interval, Duration heartbeat, Duration timeout, Duration publicEvery) {
    public LiveDashboard {
        interval = interval == null ? Duration.ofMillis(500) : interval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        publicEvery = publicEvery == null ? Duration.ofMinutes(5) : publicEvery;
    }
}
