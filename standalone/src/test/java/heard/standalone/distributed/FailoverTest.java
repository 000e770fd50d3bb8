package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.standalone.Api;
import heard.standalone.Loop;
import heard.standalone.distributed.SteadyStream.Accepted;
import heard.wiring.InstanceName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two command sides and two query sides on one PostgreSQL and one Kafka broker, under a steady stream of
 * submissions. The publishing command side and one query side are cut off abruptly (their database
 * connections dropped and refused, as a killed process's are; no graceful stop, their claims left
 * behind) and never come back. Every acknowledged submission still reaches the surviving query side's
 * receipt feed and dashboard, counted once; then a fresh query side takes its share of every projection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final int SEGMENTS = 4;
    private final Topology topology = Topology.fresh("failover", "heard.failover");
    private final List<ConfigurableApplicationContext> sides = new ArrayList<>();
    private final List<Severable> relays = new ArrayList<>();

    /** A side cut off from its database gives up on it within its connection timeout, and stops. */
    @AfterAll
    void stop() throws InterruptedException {
        List<ConfigurableApplicationContext> lastFirst = new ArrayList<>(sides);
        Collections.reverse(lastFirst);
        Thread closing = new Thread(() -> lastFirst.forEach(ConfigurableApplicationContext::close), "closing-sides");
        closing.setDaemon(true);
        closing.start();
        closing.join(Duration.ofSeconds(60).toMillis());
        relays.forEach(Severable::close);
    }

    private ConfigurableApplicationContext started(ConfigurableApplicationContext side) {
        sides.add(side);
        return side;
    }

    private Severable relay() {
        Severable relay = topology.severableDatabase();
        relays.add(relay);
        return relay;
    }

    @Test
    void anInstanceOfEachSideDiesForGoodAndTheOthersCarryOnWithNothingLost() throws Exception {
        Severable publisherLine = relay();
        Severable readerLine = relay();
        // the first command side to start claims the publisher's single segment
        ConfigurableApplicationContext publisher = started(topology.commandSide(topology.through(publisherLine)));
        ConfigurableApplicationContext writer = started(topology.commandSide());
        ConfigurableApplicationContext doomedReader = started(topology.querySide(topology.through(readerLine)));
        ConfigurableApplicationContext survivor = started(topology.querySide(List.of(HandledEvents.class)));
        Awaitility.await().atMost(CATCH_UP)
                .until(() -> !processor(publisher, "kafka-publisher").processingStatus().isEmpty());
        assertThat(processor(writer, "kafka-publisher").processingStatus()).isEmpty();
        // while both are up, each query side holds half of every projection's segments
        awaitShares(Map.of(doomedReader, SEGMENTS / 2, survivor, SEGMENTS / 2));

        Loop loop = new Loop(new Api(Topology.port(writer)), new Api(Topology.port(survivor)));
        String initiativeId = loop.launchInitiative();
        SteadyStream stream = new SteadyStream(initiativeId, Topology.port(publisher), Topology.port(writer));
        Thread.sleep(3000);

        Instant kill = Instant.now();
        publisherLine.sever();
        readerLine.sever();
        Thread.sleep(10000);
        stream.close();

        List<Accepted> accepted = stream.accepted();
        List<Accepted> afterTheKill = stream.acceptedAfter(kill);
        assertThat(afterTheKill).as("submissions the surviving command side accepted after the kill").isNotEmpty();
        HandledEvents handled = survivor.getBean(HandledEvents.class);
        Instant resumed = Awaitility.await().atMost(CATCH_UP).until(() -> afterTheKill.stream()
                .map(a -> handled.handledAt(a.feedbackId())).flatMap(Optional::stream).min(Instant::compareTo),
                Optional::isPresent).orElseThrow();
        Duration toResume = Duration.between(kill, resumed);
        Awaitility.await().atMost(CATCH_UP).untilAsserted(() -> assertThat(survivorHolds(survivor)).isTrue());
        System.out.printf("Failover: %d submissions acknowledged (%d after the kill); a survivor handled the first"
                        + " submission accepted after the kill %d ms after it%n",
                accepted.size(), afterTheKill.size(), toResume.toMillis());
        assertThat(toResume).isLessThan(Duration.ofSeconds(15));

        Api reads = new Api(Topology.port(survivor));
        long stored = SteadyStream.stored(topology.dataSource());
        assertThat(stored).isGreaterThanOrEqualTo(accepted.size());
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).until(
                () -> stream.onDashboard(reads) >= stored);
        assertThat(stream.onDashboard(reads)).as("counted once each").isEqualTo(stored);
        for (Accepted submission : accepted) {
            Api.Response receipt = Awaitility.await().atMost(CATCH_UP).until(
                    () -> reads.get("/api/receipts/me", "X-Receipt-Token", submission.receiptToken()),
                    read -> read.status() == 200);
            assertThat(receipt.json().get("feedbackId").asText()).isEqualTo(submission.feedbackId());
        }

        // four partitions, one initiative: all its records in one of them, its launch first
        Map<Integer, List<Topology.Sent>> partitions = topology.recordsByPartition();
        assertThat(partitions).hasSize(4);
        List<List<Topology.Sent>> holding = partitions.values().stream()
                .filter(records -> records.stream().anyMatch(sent -> sent.key().equals(initiativeId))).toList();
        assertThat(holding).hasSize(1);
        assertThat(holding.get(0)).extracting(Topology.Sent::key).containsOnly(initiativeId);
        assertThat(holding.get(0).get(0).event()).isEqualTo("InitiativeLaunched");
        assertThat(holding.get(0)).filteredOn(sent -> sent.event().equals("FeedbackSubmitted"))
                .hasSizeGreaterThanOrEqualTo((int) stored);

        ConfigurableApplicationContext fresh = started(topology.querySide());
        awaitShares(Map.of(survivor, SEGMENTS / 2, fresh, SEGMENTS / 2));
        JsonNode status = reads.get("/api/admin/projections", Api.as("admin")).json();
        Set<String> owners = owners(status.get(0));
        assertThat(owners).containsExactlyInAnyOrder(instance(survivor), instance(fresh));
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext side, String name) {
        return side.getBean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static List<String> projections(ConfigurableApplicationContext side) {
        return List.copyOf(side.getBean(heard.query.config.Projections.class).names());
    }

    /** Waits until each side holds the given number of segments of every projection. */
    private static void awaitShares(Map<ConfigurableApplicationContext, Integer> shares) {
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(() -> shares.entrySet()
                .stream().allMatch(share -> projections(share.getKey()).stream()
                        .allMatch(name -> processor(share.getKey(), name).processingStatus().size()
                                == share.getValue())));
    }

    private static boolean survivorHolds(ConfigurableApplicationContext survivor) {
        return projections(survivor).stream()
                .allMatch(name -> processor(survivor, name).processingStatus().size() == SEGMENTS);
    }

    private static Set<String> owners(JsonNode projection) {
        List<String> owners = new ArrayList<>();
        projection.get("claims").forEach(claim -> owners.add(claim.get("owner").asText()));
        return owners.stream().collect(Collectors.toSet());
    }

    private static String instance(ConfigurableApplicationContext side) {
        return side.getBean(InstanceName.class).id();
    }
}
