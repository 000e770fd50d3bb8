package heard.standalone.jar;

import heard.standalone.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged standalone jar started as a user starts it, in a child process on a free port with a
 * data directory of its own, its output kept in a log file; ready once its health answers UP.
 */
public final class RunningJar implements AutoCloseable {
    private static final Path JAR = Path.of("target/heard-standalone.jar");
    private static final Duration START = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private RunningJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar on a data directory of its own, with nothing but a port beside the given arguments, and waits until it is UP. */
    static RunningJar start(String name, String... arguments) throws IOException {
        return start(Files.createTempDirectory(Path.of("target"), name + "-"), "app", arguments);
    }

    /** Starts the jar on the given data directory, its output in {@code <logName>.log} there, and waits until it is UP. */
    public static RunningJar start(Path data, String logName, String... arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toString(),
                "--server.port=" + port, "--heard.data-dir=" + data));
        command.addAll(List.of(arguments));
        Path log = data.resolve(logName + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningJar jar = new RunningJar(process, log, port);
        awaitUp(process, log, jar.api());
        return jar;
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Waits until the app's health answers UP; fails at once if it stops first, with its log. */
    static void awaitUp(Process process, Path log, Api api) {
        // not listening yet; an app that stopped fails the wait at once
        Awaitility.await().atMost(START).pollInterval(Duration.ofMillis(500))
                .ignoreException(UncheckedIOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the app stopped while starting: " + Files.readString(log));
                    }
                    return api.get("/actuator/health").body().contains("\"UP\"");
                });
    }

    public Api api() {
        return new Api(port);
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** The log so far. */
    List<String> log() throws IOException {
        return Files.readAllLines(log);
    }

    /** Kills the app at once (SIGKILL), as a power cut would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the app as a user does (SIGTERM), waiting for its graceful stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
