package heard.command.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import heard.limits.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for anonymous submissions and answers: {@code capacity} at
 * once, refilled at {@code refill-per-minute}. Staff are not limited. The address is the request's
 * remote address, which Spring rewrites from {@code X-Forwarded-For} only when
 * {@code server.forward-headers-strategy} says a proxy in front may be trusted.
 */
@Component
public class SubmissionRateLimit {
    private final Cache<String, Bucket> buckets;
    private final long capacity;
    private final long refillPerMinute;
    private final TimeMeter time;

    SubmissionRateLimit(@Value("${heard.rate-limit.submissions.capacity:30}") long capacity,
            @Value("${heard.rate-limit.submissions.refill-per-minute:30}") long refillPerMinute,
            @Value("${heard.rate-limit.submissions.max-addresses:100000}") long maxAddresses,
            ObjectProvider<TimeMeter> time) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalStateException("heard.rate-limit.submissions.capacity and .refill-per-minute must be"
                    + " at least 1");
        }
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
        this.time = time.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS);
        // An address idle for this long has a full bucket again: forgetting it changes nothing.
        Duration untilFull = Duration.ofMillis(ceilDiv(capacity * 60_000, refillPerMinute));
        this.buckets = Caffeine.newBuilder().maximumSize(maxAddresses)
                .expireAfterAccess(untilFull.plusMinutes(1)).build();
    }

    /** Takes one submission from the client's share, or throws {@link TooManySubmissions}. */
    public void admit(HttpServletRequest request, Principal staff) {
        if (staff != null) {
            return;
        }
        Bucket bucket = buckets.get(client(request.getRemoteAddr()), address -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
            throw new TooManySubmissions(seconds);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(refillPerMinute, Duration.ofMinutes(1)).initialTokens(capacity).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** An IPv4 address, or an IPv6 address's /64 network. */
    static String client(String remoteAddress) {
        return ClientAddress.of(remoteAddress);
    }
}
