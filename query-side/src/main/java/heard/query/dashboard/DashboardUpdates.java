package heard.query.dashboard;

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
 * revision has moved, or, for the public, when a new public snapshot was published (which it
 * tries when the revision has moved). It looks at the stored revisions and snapshots rather than
 * at the events, so a change made by any query-side instance reaches viewers on every instance,
 * and many changes within one interval reach them as one update.
 */
@Component
@EnableConfigurationProperties(LiveDashboard.class)
class DashboardUpdates implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DashboardUpdates.class);
    private final QueryUpdateEmitter emitter;
    private final NamedParameterJdbcTemplate db;
    private final PublicDashboard dashboards;
    private final LiveDashboard live;
    /**
     * The revision (exact figures) or public snapshot's step each subscription was last sent, by
     * subscription id; touched by the timer's thread only, as is {@link #looked}.
     */
    private final Map<String, Long> sent = new HashMap<>();
    /** The revision at which each initiative's figures were last looked at for publishing. */
    private final Map<String, Long> looked = new HashMap<>();
    private ScheduledExecutorService timer;

    DashboardUpdates(QueryUpdateEmitter emitter, NamedParameterJdbcTemplate db, PublicDashboard dashboards,
            LiveDashboard live) {
        this.emitter = emitter;
        this.db = db;
        this.dashboards = dashboards;
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
        Map<String, Long> steps = publish(subscriptions, revisions);
        Map<DashboardQuery, Set<String>> due = new HashMap<>();
        for (SubscriptionQueryMessage<?, ?, ?> subscription : subscriptions) {
            DashboardQuery query = (DashboardQuery) subscription.getPayload();
            Long version = (query.exact() ? revisions : steps).get(query.initiativeId());
            if (version != null && !version.equals(sent.put(subscription.getIdentifier(), version))) {
                due.computeIfAbsent(query, q -> new HashSet<>()).add(subscription.getIdentifier());
            }
        }
        due.forEach((query, subscribers) -> {
            DashboardView figures = dashboards.read(query.initiativeId(), query.exact());
            emitter.emit(subscription -> subscribers.contains(subscription.getIdentifier()), figures);
        });
    }

    /**
     * Publishes the public figures of each initiative the public watches whose figures moved since they
     * were last looked at, and gives the step of each one's public snapshot.
     */
    private Map<String, Long> publish(List<SubscriptionQueryMessage<?, ?, ?>> subscriptions, Map<String, Long> revisions) {
        Set<String> watched = new HashSet<>();
        subscriptions.stream().map(subscription -> (DashboardQuery) subscription.getPayload())
                .filter(query -> !query.exact()).forEach(query -> watched.add(query.initiativeId()));
        looked.keySet().retainAll(watched);
        if (watched.isEmpty()) {
            return Map.of();
        }
        watched.forEach(initiativeId -> {
            Long revision = revisions.get(initiativeId);
            if (revision != null && !revision.equals(looked.get(initiativeId)) && dashboards.publishIfDue(initiativeId)) {
                looked.put(initiativeId, revision);
            }
        });
        return dashboards.steps(watched);
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
