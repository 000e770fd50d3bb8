package bench.load;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilding every projection from a stored history: the app makes its schema, the history is
 * written into its event store, every projection's token is put at the head (as after a build)
 * with empty read models, and then the administrator's replay endpoint is called for each. It is
 * done when each projection has applied the last event of every aggregate it reads
 * (table {@code applied_event}, written with the read model). The H2 file is opened with
 * AUTO_SERVER=TRUE, as the sides' own settings do, so that this harness can read those tables
 * while the app runs.
 */
final class Replay {
    /**
     * {@code complete} is false when the replay was still going at the time limit; the rate is then of
     * the events applied so far (each projection's share of its aggregates, times the events).
     * {@code seededEventsPerSecond} is how fast the harness wrote the history's rows into the same H2 file
     * (JDBC batches, a commit every 2048 rows, one connection): a ceiling for any replay that writes
     * as many rows as it reads, as the projections do.
     */
    record Result(double eventsPerSecond, int events, double seconds, boolean complete, double fractionDone,
                  boolean receiptReadable, int deadLetters, double seededEventsPerSecond) {
    }

    static final List<String> PROJECTIONS = List.of("initiatives", "returned-learning", "learning-feed", "inbox",
            "decisions", "indicators", "dashboard");
    private static final String ADMIN = Http.basic("admin", "admin-demo");

    private Replay() {
    }

    static Result run(Settings settings, int port) throws Exception {
        Path data = settings.work().resolve("replay-data");
        Files2.deleteTree(data);
        String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/heard;WRITE_DELAY=0;QUERY_CACHE_SIZE=128;MAX_LENGTH_INPLACE_LOB=65536;AUTO_SERVER=TRUE";
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
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement statement = db.createStatement()) {
            // as if every projection had been built up to the head
            statement.executeUpdate("update token_entry set token = '{\"index\":" + seeded.events()
                    + ",\"gaps\":[]}', token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'");
        }
        try (AppProcess app = Bench.standalone("replay", settings, port, args);
             Connection db = DriverManager.getConnection(url, "sa", "")) {
            long start = System.nanoTime();
            for (String projection : PROJECTIONS) {
                Http.post(app.url() + "/api/admin/projections/" + projection + "/replay", "", ADMIN);
            }
            long limit = start + Duration.ofSeconds(settings.replayLimitSeconds()).toNanos();
            Map<String, long[]> applied = applied(db);
            boolean complete;
            while (!(complete = complete(applied, expected)) && System.nanoTime() < limit) {
                // counting the applied events scans a table the replay is filling: not too often
                Thread.sleep(1000);
                applied = applied(db);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double done = complete ? 1.0 : fractionDone(applied, expected);
            if (!complete) {
                Log.line("replay: not done after " + settings.replayLimitSeconds() + " s: " + describe(applied));
            }
            HttpResponse<String> receipt = Http.get(app.url() + "/api/receipts/me", "X-Receipt-Token",
                    seeded.sampleReceiptToken());
            boolean readable = receipt.statusCode() == 200 && receipt.body().contains(seeded.sampleFeedbackId())
                    && receipt.body().contains("transport");
            HttpResponse<String> letters = Http.get(app.url() + "/api/admin/dead-letters", "Authorization", ADMIN);
            int deadLetters = countDeadLetters(letters.body());
            return new Result(seeded.events() * done / seconds, seeded.events(), seconds, complete, done, readable,
                    deadLetters, seededPerSecond);
        }
    }

    /** Per projection: how many aggregates it applies events of, and the sum of their last sequence numbers. */
    private static Map<String, long[]> expected(EventSeed.Seeded s) {
        long f = s.feedback();
        long i = s.initiatives();
        Map<String, long[]> expected = new TreeMap<>();
        expected.put("initiatives", new long[] {i + f, 0});
        expected.put("returned-learning", new long[] {f, 3 * f});
        expected.put("inbox", new long[] {f, 3 * f});
        expected.put("decisions", new long[] {f, 3 * f});
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

    /** The share of the work done: aggregates applied over aggregates expected, over every projection. */
    private static double fractionDone(Map<String, long[]> applied, Map<String, long[]> expected) {
        long want = 0;
        long got = 0;
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            want += e.getValue()[0];
            long[] figures = applied.get(e.getKey());
            got += figures == null ? 0 : Math.min(figures[0], e.getValue()[0]);
        }
        return want == 0 ? 1 : got / (double) want;
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
