package bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A jar run as a child process, its output in a log file. Every process started here is stopped
 * when the harness ends, however it ends.
 */
final class AppProcess implements AutoCloseable {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(AppProcess::stop)));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private AppProcess(String name, Process process, Path log, String baseUrl) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code java [jvmArgs] -jar jar [args]} and waits until its health endpoint says UP. */
    static AppProcess start(String name, Settings settings, Path jar, int port, List<String> jvmArgs,
                            List<String> args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/run.sh does)");
        }
        Files.createDirectories(settings.work());
        Path log = settings.work().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + settings.heap());
        command.add("-Daxoniq.update-checker.disabled=true");
        if (settings.jfr()) {
            // deep enough to reach the handlers from under the database and the framework
            command.add("-XX:FlightRecorderOptions=stackdepth=512");
            command.add("-XX:StartFlightRecording=filename=" + settings.work().resolve(name + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RUNNING.add(process);
        AppProcess app = new AppProcess(name, process, log, "http://localhost:" + port);
        app.awaitHealthy(Duration.ofSeconds(180));
        return app;
    }

    private void awaitHealthy(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = Http.CLIENT.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy in " + limit + "; see " + log);
    }

    String url() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(process);
        RUNNING.remove(process);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
