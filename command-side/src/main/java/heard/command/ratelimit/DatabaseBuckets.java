package heard.command.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The buckets in the shared PostgreSQL database (table {@code submission_bucket}), so that every
 * command-side instance takes from the same share of an address: Bucket4j's PostgreSQL backend, which
 * locks the address's row while it takes a token. A row whose bucket has been full for a while is
 * deleted, every so many submissions, since it would change nothing.
 */
class DatabaseBuckets implements Buckets {
    /** The longest key the table takes; longer addresses (which no socket gives) are cut. */
    static final int MAX_KEY = 255;
    private static final long CLEAN_EVERY = 1000;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final AtomicLong taken = new AtomicLong();

    DatabaseBuckets(DataSource dataSource, BucketConfiguration configuration, TimeMeter time) {
        this.configuration = configuration;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("submission_bucket").idColumn("client").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .clientClock(time)
                .build();
    }

    @Override
    public Bucket of(String client) {
        if (taken.incrementAndGet() % CLEAN_EVERY == 0) {
            buckets.removeExpired(100);
        }
        String key = client.length() > MAX_KEY ? client.substring(0, MAX_KEY) : client;
        return buckets.builder().build(key, () -> configuration);
    }
}
