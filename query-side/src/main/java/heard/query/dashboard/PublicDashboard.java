package heard.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import heard.events.EventJson;
import heard.query.config.CaughtUp;
import heard.query.web.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard each reader may see. Analysts and administrators read the figures as they stand. Everyone
 * else reads the last public snapshot: the first is taken when the dashboard is first read in public, and a
 * later one replaces it only once {@code heard.dashboard.live.public-every} has passed and every count
 * behind the figures has moved by nothing or by at least {@code heard.privacy.min-cell} (see
 * {@link Tallies#stepAwayFrom}). Someone who knows when one person sent feedback, and watches the public
 * dashboard or its stream, so never sees a change that only that feedback made. Snapshots are kept in the
 * database, so every query-side instance shows the same ones, one after the other. None is taken while the
 * dashboard's projection has not caught up with the log (at start, or during a rebuild): a snapshot of part of
 * it could hold the public figures back until every count it left out had moved by a whole step.
 */
@Component
public class PublicDashboard {
    private static final ObjectMapper JSON = EventJson.mapper();
    private final DashboardReader reader;
    private final JdbcTemplate db;
    private final LiveDashboard live;
    private final Clock clock = Clock.systemUTC();

    private final EventProcessingConfiguration processing;

    PublicDashboard(DashboardReader reader, JdbcTemplate db, LiveDashboard live,
                    EventProcessingConfiguration processing) {
        this.reader = reader;
        this.db = db;
        this.live = live;
        this.processing = processing;
    }

    private record Snapshot(long step, Instant publishedAt, String json) {
        Tallies tallies() {
            try {
                return JSON.readValue(json, Tallies.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an unreadable public snapshot", e);
            }
        }
    }

    /** The figures this reader may see: exact and live, or the last public snapshot. */
    public DashboardView read(String initiativeId, boolean exact) {
        return exact ? reader.dashboard(initiativeId, clock.instant(), true) : current(initiativeId);
    }

    /** The last public snapshot, published anew first if the figures have moved far enough. */
    DashboardView current(String initiativeId) {
        return reader.dashboard(initiativeId, publish(initiativeId).inForce().tallies(), false);
    }

    /**
     * Publishes the figures as they stand if they may be; false if it is too soon since the last snapshot to
     * look at them, true once they were looked at, whether they were published or not.
     */
    boolean publishIfDue(String initiativeId) {
        return publish(initiativeId).looked();
    }

    private record Outcome(Snapshot inForce, boolean looked) {
    }

    private Outcome publish(String initiativeId) {
        Instant now = clock.instant();
        Snapshot last = stored(initiativeId);
        if (last != null && now.isBefore(last.publishedAt().plus(live.publicEvery()))) {
            return new Outcome(last, false);
        }
        Tallies figures = reader.tallies(initiativeId, now);
        if (last == null && !reader.exists(initiativeId)) {
            throw new NotFound("initiative", initiativeId);
        }
        if (!dashboardSettled()) {
            // part of the log, at start or during a rebuild: shown, under the usual suppression, but never kept as
            // a snapshot, which later figures could then not step away from
            return new Outcome(last != null ? last : new Snapshot(0, now, json(figures)), false);
        }
        if (last == null) {
            Snapshot first = new Snapshot(1, now, json(figures));
            try {
                db.update("insert into dashboard_public (initiative_id, step, published_at, tallies) values (?, ?, ?, ?)",
                        initiativeId, first.step(), Timestamp.from(now), first.json());
                return new Outcome(first, true);
            } catch (DuplicateKeyException anotherReaderWasFirst) {
                return new Outcome(stored(initiativeId), true);
            }
        }
        if (!figures.stepAwayFrom(last.tallies(), reader.minCell())) {
            return new Outcome(last, true);
        }
        // only in place of the snapshot these figures were compared with: snapshots follow one another
        Snapshot next = new Snapshot(last.step() + 1, now, json(figures));
        int replaced = db.update("update dashboard_public set step = ?, published_at = ?, tallies = ?"
                + " where initiative_id = ? and step = ?", next.step(), Timestamp.from(now), next.json(), initiativeId,
                last.step());
        return new Outcome(replaced == 1 ? next : stored(initiativeId), true);
    }

    private boolean dashboardSettled() {
        return processing.eventProcessor(DashboardProjection.GROUP, StreamingEventProcessor.class)
                .map(CaughtUp::settled).orElse(true);
    }

    /** The step of each initiative's public snapshot, which moves each time one is published. */
    Map<String, Long> steps(Collection<String> initiativeIds) {
        Map<String, Long> steps = new HashMap<>();
        new NamedParameterJdbcTemplate(db).query("select initiative_id, step from dashboard_public"
                + " where initiative_id in (:ids)", Map.of("ids", initiativeIds),
                row -> {
                    steps.put(row.getString(1), row.getLong(2));
                });
        return steps;
    }

    private Snapshot stored(String initiativeId) {
        List<Snapshot> found = db.query("select step, published_at, tallies from dashboard_public where initiative_id = ?",
                (row, n) -> new Snapshot(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3)),
                initiativeId);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String json(Tallies tallies) {
        try {
            return JSON.writeValueAsString(tallies);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
