package heard.standalone.jar;

import heard.standalone.Api;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command side or a query side started from its packaged jar ({@code <side>/target/*-exec.jar}) as an
 * operator runs it without Docker: a child process of its own on a free port, with a small heap, its output
 * in {@code <name>.log}. Its instance name, under which it claims work in {@code token_entry}, begins with
 * its process id.
 */
public final class SideProcess {
    /** Small heaps and no optimizing compiler: five of these share two cores with the build. */
    private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Daxoniq.update-checker.disabled=true");
    /** What {@link Process#exitValue()} answers for a process that SIGKILL ended: 128 + 9. */
    public static final int KILLED = 137;

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    public enum Side {
        COMMAND("command-side"), QUERY("query-side");

        private final String module;

        Side(String module) {
            this.module = module;
        }
    }

    private SideProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the side with the given settings, not waiting for it: start several, then {@link #awaitUp()} each. */
    public static SideProcess launch(Side side, String name, Path logs, List<String> settings) throws IOException {
        int port = RunningJar.freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM);
        command.addAll(List.of("-jar", jar(side).toString(), "--server.port=" + port));
        command.addAll(settings);
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a side does not outlive the tests' JVM, also when a failure or a time-out stops it early
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new SideProcess(name, process, log, port);
    }

    /** The jar the build packaged; the tests run from the standalone module's folder. */
    private static Path jar(Side side) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("..", side.module, "target"),
                "*-exec.jar")) {
            Iterator<Path> found = jars.iterator();
            if (!found.hasNext()) {
                throw new IllegalStateException("no " + side.module + "/target/*-exec.jar: package it first");
            }
            return found.next();
        }
    }

    /** Waits until its health answers UP. */
    public SideProcess awaitUp() {
        RunningJar.awaitUp(process, log, api());
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    /** Whether a claim in the token store is this process's (instance names are {@code pid@host/random}). */
    public boolean holds(String claimOwner) {
        return claimOwner != null && claimOwner.startsWith(process.pid() + "@");
    }

    /** Kills it at once with SIGKILL, as the kernel or a power cut would: no shutdown hook, no goodbye. */
    public int kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") outlived its SIGKILL");
        }
        return process.exitValue();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log + ")";
    }
}
