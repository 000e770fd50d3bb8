package heard.query.balancing;

import heard.wiring.InstanceName;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query-side instances that are up, as the shared database knows them: each instance says it is
 * alive on every beat, and counts as up while its last beat is younger than the liveness window.
 * Beside the count, each beat reads how many segments each processor's token has, so that a share is
 * computed without a query of its own.
 */
public class LiveInstances {
    private static final Logger log = LoggerFactory.getLogger(LiveInstances.class);
    /** Rows of instances gone for this long are deleted, so the table stays small. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    private final JdbcClient db;
    private final InstanceName self;
    private final Duration liveness;
    private final Clock clock;
    private volatile int count;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();

    public LiveInstances(DataSource dataSource, InstanceName self, Duration liveness, Clock clock) {
        this.db = JdbcClient.create(dataSource);
        this.self = self;
        this.liveness = liveness;
        this.clock = clock;
    }

    /** Says this instance is alive and reads who else is; a failure leaves the last known figures. */
    public void beat() {
        try {
            Instant now = clock.instant();
            Timestamp seen = Timestamp.from(now);
            if (db.sql("update query_instance set seen_at = ? where instance_id = ?")
                    .params(seen, self.id()).update() == 0) {
                db.sql("insert into query_instance (instance_id, seen_at) values (?, ?)")
                        .params(self.id(), seen).update();
            }
            db.sql("delete from query_instance where seen_at < ?")
                    .param(Timestamp.from(now.minus(FORGOTTEN_AFTER))).update();
            count = db.sql("select count(*) from query_instance where seen_at >= ?")
                    .param(Timestamp.from(now.minus(liveness))).query(Integer.class).single();
            List<Map.Entry<String, Integer>> counts = db
                    .sql("select processor_name, count(*) from token_entry group by processor_name")
                    .query((row, i) -> Map.entry(row.getString(1), row.getInt(2))).list();
            counts.forEach(entry -> segments.put(entry.getKey(), entry.getValue()));
        } catch (RuntimeException e) {
            log.warn("Could not tell the other query-side instances that this one is up: {}", e.toString());
        }
    }

    /** Says this instance is gone, so the others take its share at once. */
    public void leave() {
        try {
            db.sql("delete from query_instance where instance_id = ?").param(self.id()).update();
        } catch (RuntimeException e) {
            log.warn("Could not tell the other query-side instances that this one stops: {}", e.toString());
        }
    }

    /** How many instances are up, this one included; 0 before the first beat. */
    public int count() {
        return count;
    }

    /** How many segments the processor's token has; 0 while it has none. */
    public int segments(String processor) {
        return segments.getOrDefault(processor, 0);
    }
}
