package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Submissions at a steady rate (open loop: the schedule does not wait for answers), and for every
 * {@code sampleEvery}-th one accepted, the time from its 2xx to the first read of the participant's
 * receipt that answers 200. The reader is polled every {@code POLL} at first, then every twentieth of
 * the time waited so far; the time counted ends when that read's answer arrives, so the figure errs on
 * the long side by at most one read and 10 ms or 5 %, whichever is more.
 */
final class LagProbe {
    record Lag(double p50Ms, double p99Ms, double maxMs, int samples, int neverSeen, double sentPerSecond,
               double acceptedPerSecond, long errors, Map<String, Long> errorKinds, int unanswered) {
    }

    private static final Duration POLL = Duration.ofMillis(10);
    /**
     * Polls slow down as a sample waits: at a fixed 10 ms, an app a second behind got a hundred reads
     * a second for every sample it had not shown yet, load of the probe's own making that it then
     * measured; a sample seen after t has now been read about 20 + 20 ln(t / 200 ms) times.
     */
    private static final int POLLS_PER_WAIT = 20;
    /**
     * Samples a second. Every poll of a receipt not yet visible is a request too: sampling every fifth
     * submission, polled every 5 ms, sent the app thousands of reads a second and was most of its load.
     */
    private static final int SAMPLES_PER_SECOND = 10;
    /** Long enough for a side that falls behind at 500/s to show its samples, so its lag is a figure. */
    private static final Duration GIVE_UP = Duration.ofSeconds(90);
    /** Beyond this many unanswered submissions the app is not keeping up; later ones are counted, not sent. */
    private static final int MAX_IN_FLIGHT = 512;

    private LagProbe() {
    }

    static int sampleEvery(int rate) {
        return Math.max(1, rate / SAMPLES_PER_SECOND);
    }

    static Lag run(String writeUrl, String receiptUrl, Supplier<String> bodies, int rate, int warmupSeconds,
                   int seconds, int sampleEvery) throws InterruptedException {
        ScheduledExecutorService polls = Executors.newScheduledThreadPool(2);
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger neverSeen = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        Outcomes outcomes = new Outcomes();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long total = (long) rate * (warmupSeconds + seconds);
        long measuredSent = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            boolean sample = measured && i % sampleEvery == 0;
            if (measured) {
                measuredSent++;
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                if (measured) {
                    outcomes.error("not sent: " + MAX_IN_FLIGHT + " unanswered");
                }
                continue;
            }
            HttpRequest submit = HttpRequest.newBuilder(URI.create(writeUrl))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
            inFlight.incrementAndGet();
            Http.CLIENT.sendAsync(submit, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                long acceptedAt = System.nanoTime();
                inFlight.decrementAndGet();
                if (failure != null || answer.statusCode() / 100 != 2) {
                    if (measured) {
                        outcomes.error(failure != null ? cause(failure) : "HTTP " + answer.statusCode());
                    }
                    return;
                }
                if (measured) {
                    accepted.increment();
                }
                if (sample) {
                    pending.incrementAndGet();
                    String token = receiptToken(answer.body());
                    poll(polls, receiptUrl, token, acceptedAt, lags, pending, neverSeen);
                }
            });
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos() + Duration.ofSeconds(45).toNanos();
        // the submissions still waiting for their answer, then the samples still waiting to be seen
        while ((inFlight.get() > 0 || pending.get() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        polls.shutdownNow();
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Lag(Percentiles.ms(sorted, 0.50), Percentiles.ms(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, sorted.length,
                neverSeen.get() + pending.get(), measuredSent / (double) seconds, accepted.sum() / (double) seconds,
                outcomes.total(), outcomes.byKind(), inFlight.get());
    }

    private static void poll(ScheduledExecutorService polls, String receiptUrl, String token, long acceptedAt,
                             ConcurrentLinkedQueue<Long> lags, AtomicInteger pending, AtomicInteger neverSeen) {
        HttpRequest read = HttpRequest.newBuilder(URI.create(receiptUrl))
                .timeout(Duration.ofSeconds(10))
                .header("X-Receipt-Token", token).GET().build();
        Http.CLIENT.sendAsync(read, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            long now = System.nanoTime();
            if (failure == null && answer.statusCode() == 200) {
                lags.add(now - acceptedAt);
                pending.decrementAndGet();
            } else if (now - acceptedAt > GIVE_UP.toNanos()) {
                neverSeen.incrementAndGet();
                pending.decrementAndGet();
            } else {
                long next = Math.max(POLL.toNanos(), (now - acceptedAt) / POLLS_PER_WAIT);
                try {
                    polls.schedule(() -> poll(polls, receiptUrl, token, acceptedAt, lags, pending, neverSeen),
                            next, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    // the probe has ended; this sample stays pending and counts as never seen
                }
            }
        });
    }

    private static String cause(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }

    private static String receiptToken(String body) {
        try {
            JsonNode json = Http.JSON.readTree(body);
            return json.get("receiptToken").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no receipt token in " + body, e);
        }
    }
}
