package heard.query.dashboard;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends each subscriber of a {@link DashboardQuery} the new figures when its initiative's
 * revision has moved. It looks at the stored revisions rather than at the events, so a change
 * made by any query-side instance reaches viewers on every instance, and many changes within
 * one interval reach them as one update.
 */
@Component
@EnableConfigurationProperties(LiveDashboard.class)
class DashboardUpdates implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DashboardUpdates.class);
    private final QueryUpdateEmitter emitter;
    private final NamedParameterJdbcTemplate db;
    private final DashboardReader reader;
    private final LiveDashboard live;
    private final Clock clock = Clock.systemUTC();
    /** The revision each subscription was last sent, by subscription id; touched by the timer's thread only. */
    private final Map<String, Long> sent = new HashMap<>();
    private ScheduledExecutorService timer;

    DashboardUpdates(QueryUpdateEmitter emitter, NamedParameterJdbcTemplate db, DashboardReader reader,
            LiveDashboard live) {
        this.emitter = emitter;
        this.db = db;
        this.reader = reader;
        this.live = live;
    }

    void sendChanges() {
        List<SubscriptionQueryMessage<?, ?, ?>> subscriptions = emitter.activeSubscriptions().stream()
                .filter(subscription -> subscription.getPayload() instanceof DashboardQuery).toList();
        Set<String> current = new HashSet<>();
        subscriptions.forEach(subscription -> current.add(subscription.getIdentifier()));
        sent.keySet().retainAll(current);
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<String, Long> revisions = revisions(subscriptions);
        Map<DashboardQuery, Set<String>> due = new HashMap<>();
        for (SubscriptionQueryMessage<?, ?, ?> subscription : subscriptions) {
            DashboardQuery query = (DashboardQuery) subscription.getPayload();
            Long revision = revisions.get(query.initiativeId());
            if (revision != null && !revision.equals(sent.put(subscription.getIdentifier(), revision))) {
                due.computeIfAbsent(query, q -> new HashSet<>()).add(subscription.getIdentifier());
            }
        }
        due.forEach((query, subscribers) -> {
            DashboardView figures = reader.dashboard(query.initiativeId(), clock.instant(), query.exact());
            emitter.emit(subscription -> subscribers.contains(subscription.getIdentifier()), figures);
        });
    }

    private Map<String, Long> revisions(List<SubscriptionQueryMessage<?, ?, ?>> subscriptions) {
        Set<String> initiatives = new HashSet<>();
        subscriptions.forEach(subscription -> initiatives.add(((DashboardQuery) subscription.getPayload()).initiativeId()));
        Map<String, Long> revisions = new HashMap<>();
        db.query("select initiative_id, revision from dashboard_initiative where initiative_id in (:ids)",
                Map.of("ids", initiatives), row -> {
                    revisions.put(row.getString(1), row.getLong(2));
                });
        return revisions;
    }

    private void sendChangesSafely() {
        try {
            sendChanges();
        } catch (RuntimeException e) {
            log.warn("Could not send the live dashboards their changes; trying again shortly", e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-updates");
            thread.setDaemon(true);
            return thread;
        });
        long every = live.interval().toMillis();
        timer.scheduleWithFixedDelay(this::sendChangesSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
