package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * bench/run.sh's harness: measures Heard's standalone jar, the CRUD baseline, raw H2 inserts,
 * the lag to the participant's receipt, a replay of every projection and the distributed
 * topology, one after the other on this machine, then prints the table and writes the JSON.
 */
public final class Bench {
    static final int HEARD_PORT = 18080;
    static final int CRUD_PORT = 18070;
    static final int COMMAND_PORT = 18081;
    static final int QUERY_PORT = 18082;
    private static final String LEADER = Http.basic("leader", "leader-demo");
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
            Log.line("replay: " + Math.round(results.replay.eventsPerSecond()) + " events/s");
        });
        phase("distributed", settings, results, () -> {
            results.distributed = Distributed.run(settings, COMMAND_PORT, QUERY_PORT);
            Log.line("distributed: " + format(results.distributed.writes()) + "; lag p99 "
                    + results.distributed.lag().p99Ms() + " ms");
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
            results.heardLag = LagProbe.run(submit, heard.url() + "/api/receipts/me", Submissions::feedback,
                    settings.lagRate(), settings.lagWarmupSeconds(), settings.lagSeconds(),
                    LagProbe.sampleEvery(settings.lagRate()));
            Log.line("heard: lag p50 " + results.heardLag.p50Ms() + " ms, p99 " + results.heardLag.p99Ms() + " ms");
        }

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
        results.rawInsertsWithoutWriteDelay0 = RawInserts.run(settings.work().resolve("raw-data-delayed"), false,
                settings.clients(), 3, Math.min(10, settings.measureSeconds()));
        results.rawBatchedRows = RawInserts.batched(settings.work().resolve("raw-data-batched"), BATCHED_ROWS);
        Log.line("raw: " + Math.round(results.rawInserts) + "/s, without WRITE_DELAY=0 "
                + Math.round(results.rawInsertsWithoutWriteDelay0) + "/s, small rows in batches "
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
