package bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A fixed number of clients, each sending its next submission as soon as the last was answered.
 * Only answers that arrive inside the measuring window count; warm-up answers are dropped.
 * {@code appCpuMsPerAccepted} is the CPU time the app's process used in the window over the submissions
 * accepted in it: what a submission costs the app. It moves with the machine and the warm-up as the rate does.
 */
final class ClosedLoop {
    record Throughput(double perSecond, long accepted, long errors, Map<String, Long> errorKinds,
                      double seconds, double latencyP50Ms, double latencyP99Ms, Double appCpuMsPerAccepted) {
    }

    private ClosedLoop() {
    }

    static Throughput run(String url, Supplier<String> bodies, int clients, int warmupSeconds, int measureSeconds,
                          long appPid) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(measureSeconds).toNanos();
        Outcomes outcomes = new Outcomes();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[client] = new long[1 << 16];
            Thread thread = new Thread(() -> {
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= measureTo) {
                        return;
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
                    int status;
                    String failure = null;
                    try {
                        status = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                        failure = e.getClass().getSimpleName();
                    }
                    long answered = System.nanoTime();
                    if (answered < measureFrom || answered > measureTo) {
                        continue;
                    }
                    if (status / 100 == 2) {
                        if (counts[client] == latencies[client].length) {
                            latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                        }
                        latencies[client][counts[client]++] = answered - sent;
                    } else {
                        outcomes.error(failure != null ? failure : "HTTP " + status);
                    }
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        Duration cpuFrom = cpuAt(appPid, measureFrom);
        Duration cpuTo = cpuAt(appPid, measureTo);
        for (Thread thread : threads) {
            thread.join();
        }
        long accepted = Arrays.stream(counts).sum();
        long[] all = new long[(int) accepted];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Throughput(accepted / (double) measureSeconds, accepted, outcomes.total(), outcomes.byKind(),
                measureSeconds, Percentiles.ms(all, 0.50), Percentiles.ms(all, 0.99),
                cpuFrom == null || cpuTo == null || accepted == 0 ? null
                        : cpuTo.minus(cpuFrom).toNanos() / 1e6 / accepted);
    }

    /** The app's CPU time so far, read once the clock reaches {@code at}; null where the system does not say. */
    private static Duration cpuAt(long pid, long at) throws InterruptedException {
        long wait = at - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(null);
    }
}
