package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.standalone.Api;
import heard.standalone.Loop;
import heard.standalone.distributed.SteadyStream.Accepted;
import heard.standalone.jar.SideProcess;
import heard.standalone.jar.SideProcess.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two command sides and two query sides, each its packaged jar in a process of its own, on one embedded
 * PostgreSQL and one embedded Kafka broker in this JVM, under a steady stream of submissions. The command
 * side holding the publisher's claim and one query side are killed with SIGKILL and never restarted. Every
 * acknowledged submission reaches the surviving query side's receipt feed and dashboard, counted once, and
 * the dashboard goes on moving; the time from the kills to the first submission accepted after them on the
 * survivor's receipt feed is printed. Then a fresh query side takes its share of every projection, the stream
 * still flowing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    private static final Duration RESUMES_WITHIN = Duration.ofSeconds(15);
    private static final int SEGMENTS = 4;
    private final Topology topology = Topology.fresh("failover_it", "heard.failover-it");
    private final List<SideProcess> sides = new ArrayList<>();
    private final Path logs;

    FailoverIT() throws IOException {
        logs = Files.createTempDirectory(Path.of("target"), "failover-it-");
    }

    /** The test is over: whatever still runs is killed; the logs stay under target/. */
    @AfterAll
    void stop() {
        sides.forEach(SideProcess::kill);
    }

    @Test
    void killingThePublishingCommandSideAndAQuerySideForGoodLosesNothingAcknowledged() throws Exception {
        List<SideProcess> commandSides = List.of(launch(Side.COMMAND, "command-1"), launch(Side.COMMAND, "command-2"));
        SideProcess doomedReader = launch(Side.QUERY, "query-1");
        SideProcess survivor = launch(Side.QUERY, "query-2");
        sides.forEach(SideProcess::awaitUp);
        String publisherClaim = Awaitility.await().atMost(CATCH_UP).until(this::publisherClaim, Optional::isPresent)
                .orElseThrow();
        SideProcess publisher = commandSides.stream().filter(side -> side.holds(publisherClaim)).findFirst()
                .orElseThrow(() -> new AssertionError("the publisher's claim " + publisherClaim + " is no side's"));
        SideProcess writer = commandSides.get(1 - commandSides.indexOf(publisher));
        Api reads = survivor.api();
        // while both are up, each query side holds half of every projection's segments
        awaitShares(reads, Map.of(doomedReader, SEGMENTS / 2, survivor, SEGMENTS / 2));

        String initiativeId = new Loop(writer.api(), reads).launchInitiative();
        AtomicReference<Instant> resumed = new AtomicReference<>();
        AtomicReference<Instant> tookOver = new AtomicReference<>();
        AtomicInteger countedAtTakeOver = new AtomicInteger();
        int countedAtKill;
        SteadyStream stream = new SteadyStream(initiativeId, publisher.port(), writer.port());
        try (stream) {
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100))
                    .until(() -> stream.accepted().size() >= 40 && stream.onDashboard(reads) > 0);
            countedAtKill = stream.onDashboard(reads);
            Instant kill = Instant.now();
            assertThat(publisher.kill()).as("%s ended by SIGKILL", publisher).isEqualTo(SideProcess.KILLED);
            assertThat(doomedReader.kill()).as("%s ended by SIGKILL", doomedReader).isEqualTo(SideProcess.KILLED);
            // what was accepted once both were dead was stored by the writer, and only a live publisher sends it
            Instant dead = Instant.now();

            // looked at five times a second: more would slow the survivor that is catching up
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (resumed.get() == null && anyOnReceiptFeed(reads, stream.acceptedAfter(dead))) {
                    resumed.set(Instant.now());
                }
                if (tookOver.get() == null && holdsEverySegment(reads, survivor)) {
                    tookOver.set(Instant.now());
                    countedAtTakeOver.set(stream.onDashboard(reads));
                }
                return resumed.get() != null && tookOver.get() != null;
            });
            // the stream goes on after the survivors took over, and the survivor's dashboard with it
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(250))
                    .until(() -> stream.acceptedAfter(tookOver.get()).size() >= 20
                            && stream.onDashboard(reads) > countedAtTakeOver.get());
            Duration toResume = Duration.between(kill, resumed.get());
            System.out.printf("FailoverIT: %d submissions acknowledged (%d after the kills); the first accepted"
                            + " after the kills was on the surviving query side's receipt feed %d ms after them; the"
                            + " survivor held every segment after %d ms%n", stream.accepted().size(),
                    stream.acceptedAfter(kill).size(), toResume.toMillis(),
                    Duration.between(kill, tookOver.get()).toMillis());
            assertThat(toResume).isLessThanOrEqualTo(RESUMES_WITHIN);

            SideProcess fresh = launch(Side.QUERY, "query-3").awaitUp();
            awaitShares(reads, Map.of(survivor, SEGMENTS / 2, fresh, SEGMENTS / 2));
        }

        List<Accepted> accepted = stream.accepted();

        long stored = SteadyStream.stored(topology.dataSource());
        assertThat(stored).isGreaterThanOrEqualTo(accepted.size());
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> stream.onDashboard(reads) >= stored);
        assertThat(stream.onDashboard(reads)).as("counted once each").isEqualTo(stored).isGreaterThan(countedAtKill);
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Accepted submission : accepted) {
                Api.Response receipt = reads.get("/api/receipts/me", "X-Receipt-Token", submission.receiptToken());
                assertThat(receipt.status()).as(submission.feedbackId()).isEqualTo(200);
                assertThat(receipt.json().get("feedbackId").asText()).isEqualTo(submission.feedbackId());
            }
        });
    }

    private SideProcess launch(Side side, String name) throws IOException {
        SideProcess process = SideProcess.launch(side, name, logs, topology.sideSettings());
        sides.add(process);
        return process;
    }

    private Optional<String> publisherClaim() {
        return JdbcClient.create(topology.dataSource())
                .sql("select owner from token_entry where processor_name = 'kafka-publisher' and owner is not null")
                .query(String.class).optional();
    }

    /** Whether a query side shows any of the first few submissions on their receipt feed. */
    private static boolean anyOnReceiptFeed(Api reads, List<Accepted> submissions) {
        return submissions.stream().limit(5).anyMatch(submission -> reads
                .get("/api/receipts/me", "X-Receipt-Token", submission.receiptToken()).status() == 200);
    }

    /** For each projection, the instance holding each of its segments (null for none), as a query side shows. */
    private static List<List<String>> claims(Api reads) {
        Api.Response status = reads.get("/api/admin/projections", Api.as("admin"));
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        List<List<String>> projections = new ArrayList<>();
        for (JsonNode projection : status.json()) {
            List<String> owners = new ArrayList<>();
            projection.get("claims").forEach(claim -> owners.add(claim.path("owner").textValue()));
            projections.add(owners);
        }
        assertThat(projections).isNotEmpty();
        return projections;
    }

    private static boolean holdsEverySegment(Api reads, SideProcess side) {
        return claims(reads).stream()
                .allMatch(owners -> owners.size() == SEGMENTS && owners.stream().allMatch(side::holds));
    }

    /** Waits until each side holds the given number of segments of every projection, and no other side any. */
    private static void awaitShares(Api reads, Map<SideProcess, Integer> shares) {
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(() -> claims(reads).stream()
                .allMatch(owners -> owners.size() == SEGMENTS && shares.entrySet().stream().allMatch(share ->
                        owners.stream().filter(share.getKey()::holds).count() == share.getValue())));
    }
}
