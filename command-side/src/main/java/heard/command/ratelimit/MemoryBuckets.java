package heard.command.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** The buckets in this instance's memory, for an instance alone: a bounded cache of the recent addresses. */
class MemoryBuckets implements Buckets {
    private final Cache<String, Bucket> buckets;
    private final BucketConfiguration configuration;
    private final TimeMeter time;

    /** An address idle for {@code untilFull} has a full bucket again: forgetting it changes nothing. */
    MemoryBuckets(BucketConfiguration configuration, TimeMeter time, long maxAddresses, Duration untilFull) {
        this.configuration = configuration;
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(maxAddresses)
                .expireAfterAccess(untilFull.plusMinutes(1)).build();
    }

    @Override
    public Bucket of(String client) {
        return buckets.get(client, address -> {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }
}
