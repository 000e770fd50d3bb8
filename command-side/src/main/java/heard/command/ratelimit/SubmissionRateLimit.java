package heard.command.ratelimit;

import heard.command.config.DatabaseVendor;
import heard.limits.ClientAddress;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for anonymous submissions and answers: {@code capacity} at
 * once, refilled at {@code refill-per-minute}. Staff are not limited. The address is the request's
 * remote address, which Spring rewrites from {@code X-Forwarded-For} only when
 * {@code server.forward-headers-strategy} says a proxy in front may be trusted. On PostgreSQL the buckets
 * are in the shared database, so that an address gets its share once however many command-side
 * instances answer it; on H2 (one instance) they are in memory.
 */
@Component
public class SubmissionRateLimit {
    private final Buckets buckets;

    SubmissionRateLimit(@Value("${heard.rate-limit.submissions.capacity:30}") long capacity,
            @Value("${heard.rate-limit.submissions.refill-per-minute:30}") long refillPerMinute,
            @Value("${heard.rate-limit.submissions.max-addresses:100000}") long maxAddresses,
            ObjectProvider<TimeMeter> time, DataSource dataSource) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalStateException("heard.rate-limit.submissions.capacity and .refill-per-minute must be"
                    + " at least 1");
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(refillPerMinute, Duration.ofMinutes(1)).initialTokens(capacity).build())
                .build();
        TimeMeter clock = time.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS);
        this.buckets = DatabaseDriver.POSTGRESQL.getId().equals(DatabaseVendor.of(dataSource))
                ? new DatabaseBuckets(dataSource, configuration, clock)
                : new MemoryBuckets(configuration, clock, maxAddresses,
                        Duration.ofMillis(ceilDiv(capacity * 60_000, refillPerMinute)));
    }

    /** Takes one submission from the client's share, or throws {@link TooManySubmissions}. */
    public void admit(HttpServletRequest request, Principal staff) {
        if (staff != null) {
            return;
        }
        ConsumptionProbe probe = buckets.of(client(request.getRemoteAddr())).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
            throw new TooManySubmissions(seconds);
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** An IPv4 address, or an IPv6 address's /64 network. */
    static String client(String remoteAddress) {
        return ClientAddress.of(remoteAddress);
    }
}
