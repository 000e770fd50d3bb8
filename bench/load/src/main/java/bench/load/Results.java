package bench.load;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: the table printed at the end and bench/results/latest.json. A phase left
 * out of a run (only while developing) shows no figure, and its target counts as not met.
 */
final class Results {
    static final double WRITE_VS_CRUD_TARGET = 0.5;
    static final double LAG_P99_TARGET_MS = 100;
    static final double REPLAY_TARGET = 50_000;

    final Settings settings;
    final Machine before;
    final Instant at = Instant.now();
    Machine after;
    double runSeconds;
    ClosedLoop.Throughput heardWrites;
    double heardCatchUpSeconds;
    LagProbe.Lag heardLag;
    ClosedLoop.Throughput crudWrites;
    Double rawInserts;
    Double rawInsertsWithoutWriteDelay0;
    Double rawBatchedRows;
    Replay.Result replay;
    Distributed.Result distributed;
    final Map<String, String> failures = new LinkedHashMap<>();

    Results(Settings settings, Machine before) {
        this.settings = settings;
        this.before = before;
    }

    /** The headline figures, by the names of the issue, in its order; null where not measured. */
    Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("heardWritesPerSec", heardWrites == null ? null : heardWrites.perSecond());
        f.put("crudWritesPerSec", crudWrites == null ? null : crudWrites.perSecond());
        f.put("writeVsCrud", heardWrites == null || crudWrites == null ? null
                : heardWrites.perSecond() / crudWrites.perSecond());
        f.put("rawInsertsPerSec", rawInserts);
        f.put("lagP50Ms", heardLag == null ? null : heardLag.p50Ms());
        f.put("lagP99Ms", heardLag == null ? null : heardLag.p99Ms());
        f.put("replayEventsPerSec", replay == null ? null : replay.eventsPerSecond());
        f.put("distributedWritesPerSec", distributed == null ? null : distributed.writes().perSecond());
        f.put("distributedLagP99Ms", distributed == null ? null : distributed.lag().p99Ms());
        return f;
    }

    Map<String, Boolean> targetsMet() {
        Map<String, Double> f = figures();
        Map<String, Boolean> met = new LinkedHashMap<>();
        met.put("writeVsCrud", f.get("writeVsCrud") != null && f.get("writeVsCrud") >= WRITE_VS_CRUD_TARGET);
        met.put("lagP99Ms", heardLag != null && heardLag.samples() > 0 && heardLag.p99Ms() <= LAG_P99_TARGET_MS
                && heardLag.neverSeen() == 0 && heardLag.acceptedPerSecond() >= 0.99 * heardLag.sentPerSecond());
        met.put("replayEventsPerSec", replay != null && replay.complete() && replay.eventsPerSecond() >= REPLAY_TARGET
                && replay.receiptReadable() && replay.deadLetters() == 0);
        return met;
    }

    String table() {
        Map<String, String> targets = Map.of("writeVsCrud", ">= 0.5", "lagP99Ms", "<= 100",
                "replayEventsPerSec", ">= 50,000");
        Map<String, Boolean> met = targetsMet();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n%-26s %12s  %-10s %s%n", "figure", "value", "target", "met"));
        figures().forEach((name, value) -> t.append(String.format(Locale.ROOT, "%-26s %12s  %-10s %s%n", name,
                value == null ? "-" : value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                        : String.format(Locale.ROOT, "%.2f", value),
                targets.getOrDefault(name, ""), met.containsKey(name) ? (met.get(name) ? "yes" : "NO") : "")));
        t.append('\n');
        if (heardWrites != null) {
            t.append("heard writes: ").append(Bench.format(heardWrites)).append('\n');
        }
        if (crudWrites != null) {
            t.append("crud writes:  ").append(Bench.format(crudWrites)).append('\n');
        }
        if (heardLag != null) {
            t.append("heard lag:    ").append(format(heardLag)).append('\n');
        }
        if (rawInsertsWithoutWriteDelay0 != null) {
            t.append(String.format(Locale.ROOT, "raw inserts:  %.0f/s with WRITE_DELAY=0, %.0f/s without%n",
                    rawInserts, rawInsertsWithoutWriteDelay0));
        }
        if (rawBatchedRows != null) {
            t.append(String.format(Locale.ROOT, "raw batches:  %.0f small rows/s (a rebuild's ceiling)%n",
                    rawBatchedRows));
        }
        if (replay != null) {
            t.append(String.format(Locale.ROOT, "replay:       %d events, %s after %.1f s; a seeded receipt reads back:"
                    + " %s; dead letters: %d; the history itself was written at %.0f events/s%n", replay.events(),
                    replay.complete() ? "done"
                            : String.format(Locale.ROOT, "NOT done (%.0f%% applied)", 100 * replay.fractionDone()),
                    replay.seconds(), replay.receiptReadable(), replay.deadLetters(), replay.seededEventsPerSecond()));
        }
        failures.forEach((phase, failure) -> t.append("FAILED ").append(phase).append(": ").append(failure)
                .append('\n'));
        if (distributed != null) {
            t.append("distributed writes: ").append(Bench.format(distributed.writes())).append('\n');
            t.append("distributed lag:    ").append(format(distributed.lag())).append('\n');
        }
        t.append(String.format(Locale.ROOT, "machine: %d cores, %d MiB, %s; load average %.2f before, %.2f after;"
                        + " run %.0f s; app heap -Xmx%s%n", before.cores(), before.memoryMiB(), before.cpu(),
                before.load1(), after.load1(), runSeconds, settings.heap()));
        return t.toString();
    }

    private static String format(LagProbe.Lag lag) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d samples (%d never seen);"
                        + " %.0f sent/s, %.0f accepted/s, %d errors %s, %d unanswered at the end", lag.p50Ms(), lag.p99Ms(),
                lag.maxMs(), lag.samples(), lag.neverSeen(), lag.sentPerSecond(), lag.acceptedPerSecond(),
                lag.errors(), lag.errorKinds(), lag.unanswered());
    }

    void writeJson(Path file) throws Exception {
        ObjectNode json = Http.JSON.createObjectNode();
        figures().forEach((name, value) -> {
            if (value == null || value.isNaN()) {
                json.putNull(name);
            } else {
                json.put(name, name.equals("writeVsCrud") ? Math.round(value * 1000) / 1000.0 : round(value));
            }
        });
        json.set("targetsMet", Http.JSON.valueToTree(targetsMet()));
        ObjectNode detail = json.putObject("detail");
        detail.set("heardWrites", Http.JSON.valueToTree(heardWrites));
        detail.put("heardCatchUpAfterWritesSeconds", round(heardCatchUpSeconds));
        detail.set("heardLag", Http.JSON.valueToTree(heardLag));
        detail.set("crudWrites", Http.JSON.valueToTree(crudWrites));
        detail.set("rawInsertsWithoutWriteDelay0PerSec", Http.JSON.valueToTree(rawInsertsWithoutWriteDelay0));
        detail.set("rawBatchedRowsPerSec", Http.JSON.valueToTree(rawBatchedRows));
        detail.set("replay", Http.JSON.valueToTree(replay));
        detail.set("distributedWrites", Http.JSON.valueToTree(distributed == null ? null : distributed.writes()));
        detail.set("distributedLag", Http.JSON.valueToTree(distributed == null ? null : distributed.lag()));
        json.set("failures", Http.JSON.valueToTree(failures));
        ObjectNode run = json.putObject("run");
        run.put("at", at.toString());
        run.put("seconds", round(runSeconds));
        ObjectNode s = run.putObject("settings");
        s.put("clients", settings.clients()).put("warmupSeconds", settings.warmupSeconds())
                .put("measureSeconds", settings.measureSeconds()).put("lagRate", settings.lagRate())
                .put("lagWarmupSeconds", settings.lagWarmupSeconds()).put("lagSeconds", settings.lagSeconds())
                .put("replayEvents", settings.replayEvents())
                .put("replayLimitSeconds", settings.replayLimitSeconds()).put("appHeap", "-Xmx" + settings.heap())
                .put("phases", String.join(",", new java.util.TreeSet<>(settings.phases())));
        run.set("machineBefore", Http.JSON.valueToTree(before));
        run.set("machineAfter", Http.JSON.valueToTree(after));
        Files.createDirectories(file.getParent());
        Files.writeString(file, Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
    }

    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 10) / 10.0;
    }
}
