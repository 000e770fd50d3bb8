package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * Submissions at a steady rate (open loop: the schedule does not wait for answers) to one initiative,
 * and about every {@code sampleEvery}-th one instead to an initiative of the probe's own (the first
 * due when no earlier probe submission is unanswered): for each accepted, the time from its 2xx until it shows on BOTH the
 * participant's receipt ({@code GET /api/receipts/me}) and the probe initiative's dashboard, read as an
 * analyst signed in once, as on the staff console (its participation total counts every probe submission accepted so far; as they are sent
 * one at a time, that total is this one's). Each view is polled every {@code POLL} at first, then every
 * twentieth of the time waited so far; the time counted ends when the later view's read answers, so the
 * figure errs on the long side by at most one read and 10 ms or 5 %, whichever is more. The probe's
 * initiative stays small, so that its dashboard reads cost the app little beside the load.
 */
final class LagProbe {
    /** Where the probe writes and reads. */
    record Target(String loadWriteUrl, String probeWriteUrl, String receiptUrl, String probeDashboardUrl) {
    }

    record Lag(int rate, double p50Ms, double p99Ms, double maxMs, double receiptP99Ms, double dashboardP99Ms,
               int samples, int neverSeen, double sentPerSecond, double acceptedPerSecond, long errors,
               Map<String, Long> errorKinds, int unanswered) {
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
    /** Long enough for a side that falls behind to show its samples, so its lag is a figure. */
    private static final Duration GIVE_UP = Duration.ofSeconds(90);
    /** Beyond this many unanswered submissions the app is not keeping up; later ones are counted, not sent. */
    private static final int MAX_IN_FLIGHT = 512;

    /** One probe submission on its way to both views. */
    private static final class Sample {
        final String token;
        final long probeTotal;
        final long acceptedAt;
        final long[] seenAt = new long[2];
        final AtomicInteger views = new AtomicInteger(2);
        final java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();

        Sample(String token, long probeTotal, long acceptedAt) {
            this.token = token;
            this.probeTotal = probeTotal;
            this.acceptedAt = acceptedAt;
        }
    }

    private LagProbe() {
    }

    static int sampleEvery(int rate) {
        return Math.max(1, rate / SAMPLES_PER_SECOND);
    }

    static Lag run(Target target, Supplier<String> bodies, int rate, int warmupSeconds, int seconds)
            throws InterruptedException {
        int sampleEvery = sampleEvery(rate);
        // a session, not HTTP Basic on every read: checking a password is a BCrypt hash, about 60 ms of the app's
        // CPU, which a poll every 10 ms would spend many times over and then measure as lag
        String analyst = Http.signIn(target.probeDashboardUrl(), "analyst", "analyst-demo");
        ScheduledExecutorService polls = Executors.newScheduledThreadPool(2);
        ConcurrentLinkedQueue<long[]> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        Outcomes neverSeen = new Outcomes();
        java.util.concurrent.atomic.AtomicBoolean probeInFlight = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong probeAccepted = new java.util.concurrent.atomic.AtomicLong();
        LongAdder accepted = new LongAdder();
        Outcomes outcomes = new Outcomes();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long total = (long) rate * (warmupSeconds + seconds);
        long measuredSent = 0;
        boolean sampleDue = false;
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            // a sample is due every sampleEvery-th submission, and taken by the first one after it that finds no
            // probe submission unanswered
            sampleDue |= measured && i % sampleEvery == 0;
            boolean sample = sampleDue && probeInFlight.compareAndSet(false, true);
            sampleDue &= !sample;
            if (measured) {
                measuredSent++;
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                if (measured) {
                    outcomes.error("not sent: " + MAX_IN_FLIGHT + " unanswered");
                }
                if (sample) {
                    probeInFlight.set(false);
                }
                continue;
            }
            HttpRequest submit = HttpRequest.newBuilder(URI.create(sample ? target.probeWriteUrl()
                            : target.loadWriteUrl()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
            inFlight.incrementAndGet();
            Http.CLIENT.sendAsync(submit, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
                long acceptedAt = System.nanoTime();
                inFlight.decrementAndGet();
                boolean ok = failure == null && answer.statusCode() / 100 == 2;
                if (sample && ok) {
                    pending.incrementAndGet();
                    Sample s = new Sample(receiptToken(answer.body()), probeAccepted.incrementAndGet(), acceptedAt);
                    probeInFlight.set(false);
                    poll(polls, target, analyst, s, 0, lags, pending, neverSeen);
                    poll(polls, target, analyst, s, 1, lags, pending, neverSeen);
                } else if (sample) {
                    probeInFlight.set(false);
                }
                if (!ok) {
                    if (measured) {
                        outcomes.error(failure != null ? cause(failure) : "HTTP " + answer.statusCode());
                    }
                    return;
                }
                if (measured) {
                    accepted.increment();
                }
            });
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos() + Duration.ofSeconds(45).toNanos();
        // the submissions still waiting for their answer, then the samples still waiting to be seen
        while ((inFlight.get() > 0 || pending.get() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        polls.shutdownNow();
        if (neverSeen.total() > 0) {
            Log.line("never seen, by the view that did not show the sample and its last answer: "
                    + neverSeen.byKind());
        }
        long[] both = lags.stream().mapToLong(l -> Math.max(l[0], l[1])).sorted().toArray();
        long[] receipt = lags.stream().mapToLong(l -> l[0]).sorted().toArray();
        long[] dashboard = lags.stream().mapToLong(l -> l[1]).sorted().toArray();
        return new Lag(rate, Percentiles.ms(both, 0.50), Percentiles.ms(both, 0.99),
                both.length == 0 ? Double.NaN : both[both.length - 1] / 1e6, Percentiles.ms(receipt, 0.99),
                Percentiles.ms(dashboard, 0.99), both.length,
                (int) neverSeen.total() + pending.get(), measuredSent / (double) seconds, accepted.sum() / (double) seconds,
                outcomes.total(), outcomes.byKind(), inFlight.get());
    }

    /** Reads one view (0: the receipt, 1: the dashboard) of a sample until it shows the sample. */
    private static void poll(ScheduledExecutorService polls, Target target, String analyst, Sample sample, int view,
                             ConcurrentLinkedQueue<long[]> lags, AtomicInteger pending, Outcomes neverSeen) {
        HttpRequest.Builder read = HttpRequest.newBuilder(URI.create(view == 0 ? target.receiptUrl()
                : target.probeDashboardUrl())).timeout(Duration.ofSeconds(10)).GET();
        if (view == 0) {
            read.header("X-Receipt-Token", sample.token);
        } else {
            read.header("Cookie", analyst);
        }
        Http.CLIENT.sendAsync(read.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            long now = System.nanoTime();
            if (failure == null && answer.statusCode() == 200 && (view == 0 || shows(answer.body(), sample))) {
                sample.seenAt[view] = now;
                if (sample.views.decrementAndGet() == 0 && sample.over.compareAndSet(false, true)) {
                    lags.add(new long[] {sample.seenAt[0] - sample.acceptedAt, sample.seenAt[1] - sample.acceptedAt});
                    pending.decrementAndGet();
                }
            } else if (now - sample.acceptedAt > GIVE_UP.toNanos()) {
                if (sample.over.compareAndSet(false, true)) {
                    neverSeen.error(unseen(view, answer, failure));
                    pending.decrementAndGet();
                }
            } else if (!sample.over.get()) {
                long next = Math.max(POLL.toNanos(), (now - sample.acceptedAt) / POLLS_PER_WAIT);
                try {
                    polls.schedule(() -> poll(polls, target, analyst, sample, view, lags, pending, neverSeen),
                            next, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    // the probe has ended; this sample stays pending and counts as never seen
                }
            }
        });
    }

    /** Which view did not show a sample, and what it last answered. */
    private static String unseen(int view, HttpResponse<String> answer, Throwable failure) {
        String which = view == 0 ? "receipt" : "dashboard";
        if (failure != null) {
            return which + " " + cause(failure);
        }
        if (answer.statusCode() != 200) {
            return which + " HTTP " + answer.statusCode();
        }
        return which + " short of the sample";
    }

    /** Whether the probe initiative's dashboard counts this sample: its total is this sample's ordinal or more. */
    private static boolean shows(String dashboard, Sample sample) {
        try {
            JsonNode total = Http.JSON.readTree(dashboard).path("participation").path("total");
            return total.isNumber() && total.asLong() >= sample.probeTotal;
        } catch (Exception e) {
            return false;
        }
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
