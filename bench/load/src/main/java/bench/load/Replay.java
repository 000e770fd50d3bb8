package bench.load;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.api.ErrorCode;

/**
 * Rebuilding every projection from a stored history: the app makes its schema, the history is
 * written into its event store, every projection's token is put at the head (as after a build)
 * with empty read models, and then the administrator's replay endpoint is called for each. It is
 * done when the administrator's view ({@code GET /api/admin/projections}) shows every projection
 * at the head of the log again (see {@link Projections.Standing} for why not only LIVE); then each must have applied the last event of every aggregate it
 * reads (table {@code applied_event}, written with the read model; the dashboard's, the receipt feed's and
 * the inbox's own rows for it; for the decisions, which keep no marks, each feedback's themes stored). After the app has stopped, the
 * same file gives the read models' rows per event and the framework's floor ({@link LogRead}). The H2
 * file is opened with AUTO_SERVER=TRUE, as the sides' own settings do, so that this harness can read
 * those tables while the app runs.
 */
final class Replay {
    /**
     * {@code complete} is false when the replay was still going at the time limit; the rate is then of
     * the events applied so far (each projection's position over the log's head). {@code appliedAsExpected}
     * says whether every projection applied every aggregate's last event. {@code seededEventsPerSecond} is
     * how fast the harness wrote the history's rows into the same H2 file (JDBC batches, a commit every 2048
     * rows, one connection): a ceiling for any replay that writes as many rows as it reads, as the
     * projections do. {@code logRead} is the same history read and deserialized with nothing applied;
     * {@code readModelRows} the rows of each read-model table afterwards.
     */
    record Result(double eventsPerSecond, int events, double seconds, boolean complete, double fractionDone,
                  boolean viewSaidLive, boolean appliedAsExpected, boolean receiptReadable, int deadLetters, double seededEventsPerSecond,
                  LogRead.Result logRead, ReadModelRows.Count readModelRows) {
    }

    static final List<String> PROJECTIONS = List.of("initiatives", "returned-learning", "learning-feed", "inbox",
            "decisions", "indicators", "dashboard");
    private static final Duration LOOK_EVERY = Duration.ofMillis(250);

    private Replay() {
    }

    static Result run(Settings settings, int port) throws Exception {
        Path data = settings.work().resolve("replay-data");
        Files2.deleteTree(data);
        String file = "jdbc:h2:file:" + data.toAbsolutePath() + "/heard";
        // the app's own settings, and AUTO_SERVER so that the harness may read the file while the app runs (which H2
        // refuses with DB_CLOSE_ON_EXIT=FALSE, so H2 closes the file at the app's exit). The harness's own connections
        // use the same URL: H2 keeps a WRITE_DELAY given on any connection in the file, and with 0 (as until
        // 2026-12-08) the app stored its pages at every commit, the read models' too, as its own settings do not
        String url = file + ";WRITE_DELAY=500;QUERY_CACHE_SIZE=128;MAX_LENGTH_INPLACE_LOB=65536;AUTO_SERVER=TRUE";
        List<String> args = List.of("--heard.data-dir=" + data, "--heard.demo-data=false",
                "--spring.datasource.url=" + url);
        try (AppProcess schema = Bench.standalone("replay-schema", settings, port, args)) {
            Log.line("replay: schema made by the app; writing " + settings.replayEvents() + " events");
        }
        long seeding = System.nanoTime();
        EventSeed.Seeded seeded = EventSeed.write(url, settings.replayEvents());
        double seededPerSecond = seeded.events() / ((System.nanoTime() - seeding) / 1e9);
        Log.line("replay: wrote " + seeded.events() + " events at " + Math.round(seededPerSecond) + "/s");
        Map<String, long[]> expected = expected(seeded);
        awaitFree(file, url);
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement statement = db.createStatement()) {
            // as if every projection had been built up to the head
            statement.executeUpdate("update token_entry set token = '{\"index\":" + seeded.events()
                    + ",\"gaps\":[]}', token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'");
        }
        double seconds;
        double done;
        boolean complete;
        boolean appliedAsExpected;
        boolean saidLive;
        boolean readable;
        int deadLetters;
        try (AppProcess app = Bench.standalone("replay", settings, port, args);
             Connection db = DriverManager.getConnection(url, "sa", "")) {
            long start = System.nanoTime();
            for (String projection : PROJECTIONS) {
                Projections.replay(app.url(), projection);
            }
            long limit = start + Duration.ofSeconds(settings.replayLimitSeconds()).toNanos();
            List<Projections.Standing> standings = Projections.read(app.url());
            while (!(complete = Projections.allLive(standings, PROJECTIONS)) && System.nanoTime() < limit) {
                Thread.sleep(LOOK_EVERY.toMillis());
                standings = Projections.read(app.url());
            }
            seconds = (System.nanoTime() - start) / 1e9;
            done = complete ? 1.0 : Projections.done(standings, PROJECTIONS);
            saidLive = Projections.saidLive(standings, PROJECTIONS);
            Map<String, long[]> applied = applied(db);
            appliedAsExpected = complete(applied, expected);
            if (!complete) {
                Log.line("replay: not done after " + settings.replayLimitSeconds() + " s: " + standings);
            } else if (!appliedAsExpected) {
                Log.line("replay: live again, but not every aggregate applied: " + describe(applied));
            }
            HttpResponse<String> receipt = Http.get(app.url() + "/api/receipts/me", "X-Receipt-Token",
                    seeded.sampleReceiptToken());
            readable = receipt.statusCode() == 200 && receipt.body().contains(seeded.sampleFeedbackId())
                    && receipt.body().contains("transport");
            HttpResponse<String> letters = Http.getAs("admin", app.url() + "/api/admin/dead-letters");
            deadLetters = countDeadLetters(letters.body());
        }
        // the app has stopped: the file is the harness's alone, once H2 has let go of its lock
        awaitFree(file, url);
        ReadModelRows.Count rows = ReadModelRows.count(file, settings.root());
        Log.line("replay: " + rows.rows() + " read-model rows for " + rows.events() + " events");
        LogRead.Result logRead = LogRead.run(file, seeded.events(),
                Duration.ofSeconds(settings.replayLimitSeconds()));
        Log.line("replay: the log alone read and deserialized at " + Math.round(logRead.eventsPerSecond())
                + " events/s");
        return new Result(seeded.events() * done / seconds, seeded.events(), seconds, complete, done, saidLive,
                appliedAsExpected, readable, deadLetters, seededPerSecond, logRead, rows);
    }

    /**
     * Waits until the H2 file can be opened to read. It is opened once as the app opens it first: H2 closes the file
     * at the app's exit (AUTO_SERVER), and may then leave its lock file behind, or a transaction the app's threads
     * still held open, which that opening takes over and rolls back, as the app's next start would; one that only
     * reads can do neither. The lock file of that opening may stay a moment after it closed, and a reading
     * opening meanwhile fails.
     */
    private static void awaitFree(String file, String url) throws Exception {
        DriverManager.getConnection(url, "sa", "").close();
        awaitOpen(file + ";ACCESS_MODE_DATA=r");
    }

    private static void awaitOpen(String url) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection probe = DriverManager.getConnection(url, "sa", "")) {
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1 || System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(LOOK_EVERY.toMillis());
            }
        }
    }

    /** Per projection: how many aggregates it applies events of, and the sum of their last sequence numbers. */
    private static Map<String, long[]> expected(EventSeed.Seeded s) {
        long f = s.feedback();
        long i = s.initiatives();
        Map<String, long[]> expected = new TreeMap<>();
        // the initiative summaries apply launches and learnings only (the history holds no learning)
        expected.put("initiatives", new long[] {i, 0});
        expected.put("returned-learning", new long[] {f, 3 * f});
        expected.put("inbox", new long[] {f, 3 * f});
        expected.put("decisions", new long[] {f, 0});
        expected.put("dashboard", new long[] {i + f, 3 * f});
        return expected;
    }

    private static Map<String, long[]> applied(Connection db) throws Exception {
        Map<String, long[]> applied = new TreeMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select processing_group, count(*), sum(last_sequence)"
                     + " from applied_event group by processing_group")) {
            while (rows.next()) {
                applied.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        }
        // the dashboard keeps its mark on its own rows: one per initiative (no sequence) and per feedback
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select (select count(*) from dashboard_initiative) + count(*),"
                     + " coalesce(sum(last_sequence), 0) from dashboard_feedback")) {
            rows.next();
            applied.put("dashboard", new long[] {rows.getLong(1), rows.getLong(2)});
        }
        // so does the returned-learning feed: one per receipt
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), coalesce(sum(last_sequence), 0)"
                     + " from receipt_view")) {
            rows.next();
            applied.put("returned-learning", new long[] {rows.getLong(1), rows.getLong(2)});
        }
        // and the inbox: one per feedback
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), coalesce(sum(last_sequence), 0)"
                     + " from inbox_item")) {
            rows.next();
            applied.put("inbox", new long[] {rows.getLong(1), rows.getLong(2)});
        }
        // the decisions keep no marks: each feedback's one themed event is applied when its themes are stored
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from decision_feedback_theme")) {
            rows.next();
            applied.put("decisions", new long[] {rows.getLong(1), 0});
        }
        return applied;
    }

    private static boolean complete(Map<String, long[]> applied, Map<String, long[]> expected) {
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            long[] got = applied.get(e.getKey());
            if (got == null || got[0] != e.getValue()[0] || got[1] != e.getValue()[1]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Map<String, long[]> applied) {
        StringBuilder text = new StringBuilder();
        applied.forEach((group, figures) -> text.append(group).append('=').append(figures[0]).append(' '));
        return text.toString();
    }

    private static int countDeadLetters(String body) {
        try {
            var json = Http.JSON.readTree(body);
            if (json.isArray()) {
                return json.size();
            }
            int count = 0;
            for (var field : json) {
                count += field.isArray() ? field.size() : 0;
            }
            return count;
        } catch (Exception e) {
            return -1;
        }
    }
}
