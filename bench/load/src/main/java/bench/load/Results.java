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
    static final double WRITE_VS_CRUD_TARGET = 0.4;
    static final double CPU_VS_CRUD_TARGET = 3;
    static final double LAG_AT_100_TARGET_MS = 50;
    static final double DISTRIBUTED_LAG_AT_100_TARGET_MS = 250;
    static final double LAG_AT_70_PCT_TARGET_MS = 150;
    static final double REPLAY_TARGET = 15_000;
    static final double REPLAY_VS_LOG_READ_TARGET = 0.5;

    final Settings settings;
    final Machine before;
    final Instant at = Instant.now();
    Machine after;
    double runSeconds;
    ClosedLoop.Throughput heardWrites;
    double heardCatchUpSeconds;
    LagProbe.Lag heardLagQuiet;
    LagProbe.Lag heardLagAt100;
    LagProbe.Lag heardLagAt70pct;
    LagProbe.Lag heardLagOverload;
    RebuildReads.Result readsDuringRebuild;
    ClosedLoop.Throughput crudWrites;
    Double rawInserts;
    Double rawBatchedRows;
    Replay.Result replay;
    Distributed.Result distributed;
    final Map<String, String> failures = new LinkedHashMap<>();

    Results(Settings settings, Machine before) {
        this.settings = settings;
        this.before = before;
    }

    /** The headline figures, by the names of the issue; null where not measured. */
    Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("heardWritesPerSec", heardWrites == null ? null : heardWrites.perSecond());
        f.put("crudWritesPerSec", crudWrites == null ? null : crudWrites.perSecond());
        f.put("writeVsCrud", heardWrites == null || crudWrites == null ? null
                : heardWrites.perSecond() / crudWrites.perSecond());
        f.put("heardAppCpuMsPerSubmission", heardWrites == null ? null : heardWrites.appCpuMsPerAccepted());
        f.put("crudAppCpuMsPerSubmission", crudWrites == null ? null : crudWrites.appCpuMsPerAccepted());
        f.put("cpuVsCrud", heardWrites == null || crudWrites == null || heardWrites.appCpuMsPerAccepted() == null
                || crudWrites.appCpuMsPerAccepted() == null ? null
                : heardWrites.appCpuMsPerAccepted() / crudWrites.appCpuMsPerAccepted());
        f.put("rawInsertsPerSec", rawInserts);
        f.put("lagP99MsAt10Quiet", heardLagQuiet == null ? null : heardLagQuiet.p99Ms());
        f.put("lagP99MsAt100", heardLagAt100 == null ? null : heardLagAt100.p99Ms());
        f.put("lagP99MsAt70pct", heardLagAt70pct == null ? null : heardLagAt70pct.p99Ms());
        f.put("lagP99MsAt500Overload", heardLagOverload == null ? null : heardLagOverload.p99Ms());
        f.put("replayEventsPerSec", replay == null ? null : replay.eventsPerSecond());
        f.put("logReadEventsPerSec", replay == null ? null : replay.logRead().eventsPerSecond());
        f.put("readModelRowsPerEvent", replay == null || !replay.complete() ? null
                : replay.readModelRows().perEvent());
        f.put("distributedWritesPerSec", distributed == null ? null : distributed.writes().perSecond());
        f.put("distributedLagP99MsAt10Quiet", distributed == null ? null : distributed.lagQuiet().p99Ms());
        f.put("distributedLagP99MsAt100", distributed == null ? null : distributed.lagAt100().p99Ms());
        f.put("distributedLagP99MsAt70pct", distributed == null ? null : distributed.lagAt70pct().p99Ms());
        return f;
    }

    Map<String, Boolean> targetsMet() {
        Map<String, Double> f = figures();
        Map<String, Boolean> met = new LinkedHashMap<>();
        met.put("replayEventsPerSec", replay != null && replay.complete() && replay.appliedAsExpected()
                && replay.eventsPerSecond() >= REPLAY_TARGET
                && replay.eventsPerSecond() >= REPLAY_VS_LOG_READ_TARGET * replay.logRead().eventsPerSecond()
                && replay.receiptReadable() && replay.deadLetters() == 0);
        met.put("cpuVsCrud", f.get("cpuVsCrud") != null && f.get("cpuVsCrud") <= CPU_VS_CRUD_TARGET);
        met.put("writeVsCrud", f.get("writeVsCrud") != null && f.get("writeVsCrud") >= WRITE_VS_CRUD_TARGET);
        met.put("lagP99MsAt100", within(heardLagAt100, LAG_AT_100_TARGET_MS));
        met.put("distributedLagP99MsAt100", within(distributed == null ? null : distributed.lagAt100(),
                DISTRIBUTED_LAG_AT_100_TARGET_MS));
        met.put("lagP99MsAt70pct", within(heardLagAt70pct, LAG_AT_70_PCT_TARGET_MS));
        met.put("readsDuringRebuild", readsDuringRebuild != null && readsDuringRebuild.finished()
                && readsDuringRebuild.sent() > 0 && readsDuringRebuild.ok() == readsDuringRebuild.sent()
                && readsDuringRebuild.oldFiguresUntilSwap());
        return met;
    }

    /** A lag target holds only if every sample was seen and the app accepted what was sent. */
    private static boolean within(LagProbe.Lag lag, double targetMs) {
        return lag != null && lag.samples() > 0 && lag.p99Ms() <= targetMs && lag.neverSeen() == 0
                && lag.acceptedPerSecond() >= 0.99 * lag.sentPerSecond();
    }

    /** {"sent": n, "ok": n, "oldFiguresUntilSwap": b}, or null where not measured. */
    ObjectNode readsDuringRebuildFigure() {
        if (readsDuringRebuild == null) {
            return null;
        }
        return Http.JSON.createObjectNode().put("sent", readsDuringRebuild.sent()).put("ok", readsDuringRebuild.ok())
                .put("oldFiguresUntilSwap", readsDuringRebuild.oldFiguresUntilSwap());
    }

    String table() {
        Map<String, String> targets = Map.of("writeVsCrud", ">= 0.4", "cpuVsCrud", "<= 3",
                "lagP99MsAt100", "<= 50", "lagP99MsAt70pct", "<= 150", "distributedLagP99MsAt100", "<= 250",
                "replayEventsPerSec", ">= 15,000 & >= 0.5 log read", "readsDuringRebuild",
                "all 2xx, old figures");
        Map<String, Boolean> met = targetsMet();
        StringBuilder t = new StringBuilder();
        String row = "%-28s %14s  %-28s %s%n";
        t.append(String.format(Locale.ROOT, "%n" + row, "figure", "value", "target", "met"));
        figures().forEach((name, value) -> t.append(String.format(Locale.ROOT, row, name,
                value == null || value.isNaN() ? "-" : value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                        : String.format(Locale.ROOT, "%.2f", value),
                targets.getOrDefault(name, ""), met.containsKey(name) ? (met.get(name) ? "yes" : "NO") : "")));
        t.append(String.format(Locale.ROOT, row, "readsDuringRebuild", readsDuringRebuild == null ? "-"
                        : readsDuringRebuild.ok() + "/" + readsDuringRebuild.sent() + " "
                        + (readsDuringRebuild.oldFiguresUntilSwap() ? "old" : "NOT old"),
                targets.get("readsDuringRebuild"), met.get("readsDuringRebuild") ? "yes" : "NO"));
        t.append('\n');
        if (heardWrites != null) {
            t.append("heard writes: ").append(Bench.format(heardWrites)).append('\n');
        }
        if (crudWrites != null) {
            t.append("crud writes:  ").append(Bench.format(crudWrites)).append('\n');
        }
        for (LagProbe.Lag lag : new LagProbe.Lag[] {heardLagQuiet, heardLagAt100, heardLagAt70pct,
                heardLagOverload}) {
            if (lag != null) {
                t.append("heard lag:    ").append(format(lag)).append('\n');
            }
        }
        if (readsDuringRebuild != null) {
            RebuildReads.Result r = readsDuringRebuild;
            t.append(String.format(Locale.ROOT, "rebuild:      %s of %d events %s after %.1f s (the view said LIVE:"
                            + " %s); %d of %d reads 2xx, %d showed other figures than before; the same figures"
                            + " after: %s%n", RebuildReads.REBUILT, r.eventsInLog(),
                    r.finished() ? "at the head" : "NOT done", r.rebuildSeconds(), r.viewSaidLive(),
                    r.ok(), r.sent(), r.showedOtherFigures(), r.sameFiguresAfter()));
        }
        if (rawBatchedRows != null) {
            t.append(String.format(Locale.ROOT, "raw batches:  %.0f small rows/s (what H2 stores at best)%n",
                    rawBatchedRows));
        }
        if (replay != null) {
            t.append(String.format(Locale.ROOT, "replay:       %d events, %s after %.1f s (the view said LIVE: %s);"
                    + " every aggregate applied: %s; a seeded receipt reads back: %s; dead letters: %d; the history itself was written at"
                    + " %.0f events/s%n", replay.events(),
                    replay.complete() ? "done"
                            : String.format(Locale.ROOT, "NOT done (%.0f%% of the log)", 100 * replay.fractionDone()),
                    replay.seconds(), replay.viewSaidLive(), replay.appliedAsExpected(), replay.receiptReadable(), replay.deadLetters(),
                    replay.seededEventsPerSecond()));
            LogRead.Result read = replay.logRead();
            t.append(String.format(Locale.ROOT, "log read:     %d events in %.1f s, %d participants' words decrypted;"
                    + " read models: %d rows for %d events %s%n", read.events(), read.seconds(),
                    read.personalValuesRead(), replay.readModelRows().rows(), replay.readModelRows().events(),
                    replay.readModelRows().byTable()));
        }
        failures.forEach((phase, failure) -> t.append("FAILED ").append(phase).append(": ").append(failure)
                .append('\n'));
        if (distributed != null) {
            t.append("distributed writes: ").append(Bench.format(distributed.writes())).append('\n');
            t.append(String.format(Locale.ROOT, "distributed catch-up after the writes: %.1f s%n",
                    distributed.catchUpSeconds()));
            t.append("distributed lag:    ").append(format(distributed.lagQuiet())).append('\n');
            t.append("distributed lag:    ").append(format(distributed.lagAt100())).append('\n');
            t.append("distributed lag:    ").append(format(distributed.lagAt70pct())).append('\n');
        }
        t.append(String.format(Locale.ROOT, "machine: %d cores, %d MiB, %s; load average %.2f before, %.2f after;"
                        + " run %.0f s; app heap -Xmx%s%n", before.cores(), before.memoryMiB(), before.cpu(),
                before.load1(), after.load1(), runSeconds, settings.heap()));
        return t.toString();
    }

    private static String format(LagProbe.Lag lag) {
        return String.format(Locale.ROOT, "at %d/s p50 %.1f ms, p99 %.1f ms (receipt %.1f, dashboard %.1f), max %.1f ms"
                        + " over %d samples (%d never seen); %.0f sent/s, %.0f accepted/s, %d errors %s,"
                        + " %d unanswered at the end", lag.rate(), lag.p50Ms(), lag.p99Ms(), lag.receiptP99Ms(),
                lag.dashboardP99Ms(), lag.maxMs(), lag.samples(), lag.neverSeen(), lag.sentPerSecond(),
                lag.acceptedPerSecond(), lag.errors(), lag.errorKinds(), lag.unanswered());
    }

    void writeJson(Path file) throws Exception {
        ObjectNode json = Http.JSON.createObjectNode();
        figures().forEach((name, value) -> {
            if (value == null || value.isNaN()) {
                json.putNull(name);
            } else {
                json.put(name, value < 100 ? Math.round(value * 1000) / 1000.0 : round(value));
            }
        });
        json.set("readsDuringRebuild", readsDuringRebuildFigure());
        json.set("targetsMet", Http.JSON.valueToTree(targetsMet()));
        ObjectNode detail = json.putObject("detail");
        detail.set("heardWrites", Http.JSON.valueToTree(heardWrites));
        detail.put("heardCatchUpAfterWritesSeconds", round(heardCatchUpSeconds));
        detail.set("heardLagAt10Quiet", Http.JSON.valueToTree(heardLagQuiet));
        detail.set("heardLagAt100", Http.JSON.valueToTree(heardLagAt100));
        detail.set("heardLagAt70pct", Http.JSON.valueToTree(heardLagAt70pct));
        detail.set("heardLagAt500Overload", Http.JSON.valueToTree(heardLagOverload));
        detail.set("readsDuringRebuild", Http.JSON.valueToTree(readsDuringRebuild));
        detail.set("crudWrites", Http.JSON.valueToTree(crudWrites));
        detail.set("rawBatchedRowsPerSec", Http.JSON.valueToTree(rawBatchedRows));
        detail.set("replay", Http.JSON.valueToTree(replay));
        detail.set("distributedWrites", Http.JSON.valueToTree(distributed == null ? null : distributed.writes()));
        detail.set("distributedCatchUpAfterWritesSeconds",
                Http.JSON.valueToTree(distributed == null ? null : distributed.catchUpSeconds()));
        detail.set("distributedLagAt10Quiet",
                Http.JSON.valueToTree(distributed == null ? null : distributed.lagQuiet()));
        detail.set("distributedLagAt100", Http.JSON.valueToTree(distributed == null ? null : distributed.lagAt100()));
        detail.set("distributedLagAt70pct",
                Http.JSON.valueToTree(distributed == null ? null : distributed.lagAt70pct()));
        json.set("failures", Http.JSON.valueToTree(failures));
        ObjectNode run = json.putObject("run");
        run.put("at", at.toString());
        run.put("seconds", round(runSeconds));
        ObjectNode s = run.putObject("settings");
        s.put("clients", settings.clients()).put("warmupSeconds", settings.warmupSeconds())
                .put("distributedWarmupSeconds", settings.distributedWarmupSeconds())
                .put("measureSeconds", settings.measureSeconds()).put("steadyLagRate", Bench.STEADY_RATE)
                .put("overloadLagRate", settings.lagRate())
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
