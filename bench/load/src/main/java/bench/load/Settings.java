package bench.load;

import java.nio.file.Path;

/**
 * What one run measures and for how long, from system properties ({@code -Dbench.measure-seconds=5})
 * so that a short run while developing uses the same code as the recorded one.
 */
record Settings(Path root, Path work, int clients, int warmupSeconds, int distributedWarmupSeconds,
                int measureSeconds, int lagRate,
                int lagWarmupSeconds, int lagSeconds, int replayEvents, int replayLimitSeconds, boolean distributed, boolean jfr,
                String heap, java.util.Set<String> phases) {

    static Settings fromSystem() {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        return new Settings(root,
                Path.of(System.getProperty("bench.work", root.resolve("bench/target/run").toString())),
                Integer.getInteger("bench.clients", 16),
                Integer.getInteger("bench.warmup-seconds", 40),
                // shorter: every second of warm-up left the distributed query side more to catch up on before the
                // lags could be measured (docs/performance.md, "The run of 2026-12-03")
                Integer.getInteger("bench.distributed-warmup-seconds", 20),
                Integer.getInteger("bench.measure-seconds", 15),
                Integer.getInteger("bench.lag-rate", 500),
                // the app is warm from the closed loop by then; five probes a run
                Integer.getInteger("bench.lag-warmup-seconds", 3),
                Integer.getInteger("bench.lag-seconds", 10),
                Integer.getInteger("bench.replay-events", 200_000),
                Integer.getInteger("bench.replay-limit-seconds", 120),
                Boolean.parseBoolean(System.getProperty("bench.distributed", "true")),
                Boolean.parseBoolean(System.getProperty("bench.jfr", "false")),
                System.getProperty("bench.heap", "512m"),
                java.util.Set.of(System.getProperty("bench.phases", "heard,crud,raw,replay,distributed").split(",")));
    }

    /** While developing, a run may measure only some phases; a recorded run measures them all. */
    boolean runs(String phase) {
        return phases.contains(phase) && (!phase.equals("distributed") || distributed);
    }

    Path standaloneJar() {
        return root.resolve("standalone/target/heard-standalone.jar");
    }

    Path commandSideJar() {
        return root.resolve("command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar");
    }

    Path querySideJar() {
        return root.resolve("query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar");
    }

    Path crudJar() {
        return root.resolve("bench/crud-app/target/crud-app.jar");
    }
}
