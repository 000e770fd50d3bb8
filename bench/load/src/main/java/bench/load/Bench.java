package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * bench/run.sh's harness: measures Heard's standalone jar, the CRUD baseline, raw H2 inserts,
 * the lag to the participant's receipt and the dashboard, reads during a rebuild, a replay of every
 * projection with the event log read alone beside it, and the distributed
 * topology, one after the other on this machine, then prints the table and writes the JSON.
 */
public final class Bench {
    static final int HEARD_PORT = 18080;
    static final int CRUD_PORT = 18070;
    static final int COMMAND_PORT = 18081;
    static final int QUERY_PORT = 18082;
    private static final String LEADER = Http.basic("leader", "leader-demo");
    /** The steady rate of the lag target: a busy hour of a large engagement, well inside capacity. */
    static final int STEADY_RATE = 100;
    /** A quiet app, as most of the day is: each submission arrives alone, and each is a sample. */
    static final int QUIET_RATE = 10;
    /** Two read models of the heard phase's history (tens of thousands of events) rebuild well within this. */
    private static final Duration REBUILD_READS_LIMIT = Duration.ofSeconds(30);
    /**
     * Fewer than the about 700,000 rows (3.5 a stored event) that a rebuild of the 200,000-event history
     * writes: H2 slows as a table grows, so this errs on the fast side.
     */
    private static final int BATCHED_ROWS = 200_000;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Settings settings = Settings.fromSystem();
        Machine before = Machine.now();
        long started = System.nanoTime();
        Files2.deleteTree(settings.work());
        Results results = new Results(settings, before);

        phase("heard", settings, results, () -> heard(settings, results));
        phase("crud", settings, results, () -> crud(settings, results));
        phase("raw", settings, results, () -> raw(settings, results));
        phase("replay", settings, results, () -> {
            Log.line("replay: every projection from " + settings.replayEvents() + " stored events");
            results.replay = Replay.run(settings, HEARD_PORT);
            Log.line("replay: " + Math.round(results.replay.eventsPerSecond()) + " events/s, the log alone "
                    + Math.round(results.replay.logRead().eventsPerSecond()) + " events/s");
        });
        phase("distributed", settings, results, () -> {
            results.distributed = Distributed.run(settings, COMMAND_PORT, QUERY_PORT);
            Log.line("distributed: " + format(results.distributed.writes()) + "; lag p99 "
                    + results.distributed.lagAt100().p99Ms() + " ms at " + STEADY_RATE + "/s, "
                    + results.distributed.lagAt70pct().p99Ms() + " ms at 70 %");
        });

        results.after = Machine.now();
        results.runSeconds = (System.nanoTime() - started) / 1e9;
        System.out.println(results.table());
        // only a run of every phase is a result; a partial one (while developing) stays in the work folder
        boolean whole = settings.phases().containsAll(List.of("heard", "crud", "raw", "replay", "distributed"))
                && settings.distributed();
        Path json = whole ? settings.root().resolve("bench/results/latest.json")
                : settings.work().resolve("partial.json");
        results.writeJson(json);
        Log.line("wrote " + json);
        System.exit(0);
    }

    interface Phase {
        void run() throws Exception;
    }

    /** A phase that fails is reported in the table and the JSON; the others are still measured. */
    private static void phase(String name, Settings settings, Results results, Phase phase) {
        if (!settings.runs(name)) {
            return;
        }
        try {
            phase.run();
        } catch (Exception e) {
            Log.line(name + " failed: " + e);
            e.printStackTrace();
            results.failures.put(name, String.valueOf(e));
        }
    }

    private static void heard(Settings settings, Results results) throws Exception {
        Log.line("heard: the standalone jar, -Xmx" + settings.heap());
        try (AppProcess heard = standalone("heard", settings, HEARD_PORT,
                List.of("--heard.data-dir=" + settings.work().resolve("heard-data"), "--heard.demo-data=false"))) {
            String initiative = launchInitiative(heard.url(), "Benchmark");
            String submit = heard.url() + "/api/initiatives/" + initiative + "/feedback";
            results.heardWrites = ClosedLoop.run(submit, Submissions::feedback, settings.clients(),
                    settings.warmupSeconds(), settings.measureSeconds(), heard.pid());
            Log.line("heard: " + format(results.heardWrites));
            results.heardCatchUpSeconds = awaitCaughtUp(submit, heard.url() + "/api/receipts/me");
            results.heardLagQuiet = lag("heard", heard.url(), heard.url(), submit, QUIET_RATE, settings);
            LagProbe.Lag[] lags = steadyLags("heard", heard.url(), heard.url(), submit, results.heardWrites, settings);
            results.heardLagAt100 = lags[0];
            results.heardLagAt70pct = lags[1];
            results.readsDuringRebuild = rebuildReads(heard.url(), initiative, submit, settings);
            results.heardLagOverload = lag("heard", heard.url(), heard.url(), submit, settings.lagRate(), settings);
        }

    }

    /** 70 % of the rate the closed loop measured: a load the app sustains with room to spare. */
    static int seventyPercent(ClosedLoop.Throughput writes) {
        return Math.max(1, (int) Math.round(0.7 * writes.perSecond()));
    }

    /**
     * The lags at 100/s and at 70 % of the closed loop's rate, the lower rate first: a probe at a rate the
     * side does not keep up with leaves it work that the next one would measure.
     */
    static LagProbe.Lag[] steadyLags(String name, String writeUrl, String readUrl, String loadSubmitUrl,
                                     ClosedLoop.Throughput writes, Settings settings) throws Exception {
        int seventy = seventyPercent(writes);
        LagProbe.Lag[] lags = new LagProbe.Lag[2];
        for (int i : seventy < STEADY_RATE ? new int[] {1, 0} : new int[] {0, 1}) {
            lags[i] = lag(name, writeUrl, readUrl, loadSubmitUrl, i == 0 ? STEADY_RATE : seventy, settings);
        }
        return lags;
    }

    /** The lag at a steady rate, to a probe initiative of its own (its dashboard counts only the probe's). */
    static LagProbe.Lag lag(String name, String writeUrl, String readUrl, String loadSubmitUrl, int rate,
                            Settings settings) throws Exception {
        String probe = launchInitiative(writeUrl, "Lag probe at " + rate + "/s");
        LagProbe.Target target = new LagProbe.Target(loadSubmitUrl,
                writeUrl + "/api/initiatives/" + probe + "/feedback", readUrl + "/api/receipts/me",
                readUrl + "/api/initiatives/" + probe + "/dashboard");
        Log.line(name + ": " + rate + " submissions/s, lag to the receipt and the dashboard");
        LagProbe.Lag lag = LagProbe.run(target, Submissions::feedback, rate, settings.lagWarmupSeconds(),
                settings.lagSeconds());
        Log.line(name + ": at " + rate + "/s lag p50 " + lag.p50Ms() + " ms, p99 " + lag.p99Ms() + " ms ("
                + lag.samples() + " samples, " + lag.neverSeen() + " never seen)");
        return lag;
    }

    /** A participant's receipt that shows, a dashboard that has stopped moving, then the rebuild under reads. */
    private static RebuildReads.Result rebuildReads(String baseUrl, String initiative, String submitUrl,
                                                    Settings settings) throws Exception {
        String token = Http.post(submitUrl, Submissions.feedback(), null).get("receiptToken").asText();
        awaitReceipt(baseUrl + "/api/receipts/me", token);
        awaitSettled(baseUrl + "/api/initiatives/" + initiative + "/dashboard");
        Log.line("heard: rebuilding " + RebuildReads.REBUILT + " under reads");
        RebuildReads.Result reads = RebuildReads.run(baseUrl, initiative, token, REBUILD_READS_LIMIT);
        Log.line("heard: reads during the rebuild " + reads);
        return reads;
    }

    private static void crud(Settings settings, Results results) throws Exception {
        Log.line("crud: the plain Spring Boot + JDBC app");
        try (AppProcess crud = AppProcess.start("crud", settings, settings.crudJar(), CRUD_PORT, List.of(),
                List.of("--crud.data-dir=" + settings.work().resolve("crud-data")))) {
            JsonNode launched = Http.post(crud.url() + "/api/initiatives", Submissions.crudInitiative("Benchmark"), null);
            String submit = crud.url() + "/api/initiatives/" + launched.get("initiativeId").asText() + "/feedback";
            results.crudWrites = ClosedLoop.run(submit, Submissions::feedback, settings.clients(),
                    settings.warmupSeconds(), settings.measureSeconds(), crud.pid());
            Log.line("crud: " + format(results.crudWrites));
        }

    }

    private static void raw(Settings settings, Results results) throws Exception {
        Log.line("raw: JDBC inserts into H2, no HTTP");
        results.rawInserts = RawInserts.run(settings.work().resolve("raw-data"), true, settings.clients(), 3,
                Math.min(10, settings.measureSeconds()));
        results.rawBatchedRows = RawInserts.batched(settings.work().resolve("raw-data-batched"), BATCHED_ROWS);
        // without WRITE_DELAY=0 is no longer measured: the recorded runs settled it, and the time went to the lags
        Log.line("raw: " + Math.round(results.rawInserts) + "/s, small rows in batches "
                + Math.round(results.rawBatchedRows) + "/s");

    }

    static AppProcess standalone(String name, Settings settings, int port, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add("--heard.rate-limit.submissions.capacity=1000000000");
        all.add("--heard.rate-limit.submissions.refill-per-minute=1000000000");
        return AppProcess.start(name, settings, settings.standaloneJar(), port, List.of(), all);
    }

    static String launchInitiative(String baseUrl, String title) throws Exception {
        return Http.post(baseUrl + "/api/initiatives", Submissions.initiative(title), LEADER)
                .get("initiativeId").asText();
    }

    static void awaitReceipt(String receiptUrl, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Http.get(receiptUrl, "X-Receipt-Token", token).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a receipt did not appear in 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** Until two reads of the analyst's dashboard half a second apart answer the same. */
    static void awaitSettled(String dashboardUrl) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = null;
        while (true) {
            HttpResponse<String> now = Http.getAs("analyst", dashboardUrl);
            if (now.statusCode() == 200 && now.body().equals(last)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(dashboardUrl + " did not settle in 60 s");
            }
            last = now.statusCode() == 200 ? now.body() : null;
            Thread.sleep(500);
        }
    }

    static void awaitVisible(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Http.get(url, null, null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not appear in 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** After a burst: one more submission, and the time until its receipt shows (the backlog drained). */
    static double awaitCaughtUp(String submitUrl, String receiptUrl) throws Exception {
        long start = System.nanoTime();
        String token = Http.post(submitUrl, Submissions.feedback(), null).get("receiptToken").asText();
        long deadline = start + Duration.ofSeconds(120).toNanos();
        while (true) {
            HttpResponse<String> answer = Http.get(receiptUrl, "X-Receipt-Token", token);
            if (answer.statusCode() == 200) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read side did not catch up in 120 s");
            }
            Thread.sleep(20);
        }
    }

    static String format(ClosedLoop.Throughput t) {
        return Math.round(t.perSecond()) + " accepted/s (" + t.accepted() + " in " + t.seconds() + " s, "
                + t.errors() + " errors " + t.errorKinds() + ", latency p50 " + t.latencyP50Ms() + " ms, p99 "
                + t.latencyP99Ms() + " ms, app CPU " + t.appCpuMsPerAccepted() + " ms per accepted)";
    }
}
