package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import heard.standalone.Api;
import heard.standalone.Loop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Initiatives whose records land in different partitions of the topic, fed at once: each projection
 * reads the partitions through one consumer, which fetches them together, and every event of each
 * must reach it. The framework's buffer handed them on sorted by their time, not in the order they
 * were fetched, and a projection then took a record fetched earlier as already seen and dropped it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyPartitionsTest {
    private static final int INITIATIVES = 8;
    private static final int EACH = 30;
    private final Topology topology = Topology.fresh("partitions", "heard.partitions");
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;

    @AfterAll
    void stop() {
        Topology.close(querySide, commandSide);
    }

    @Test
    void everySubmissionToInitiativesInDifferentPartitionsReachesTheirReceiptsAndDashboards() throws Exception {
        commandSide = topology.commandSide();
        querySide = topology.querySide();
        Api reads = new Api(Topology.port(querySide));
        Loop loop = new Loop(new Api(Topology.port(commandSide)), reads);
        List<String> initiatives = IntStream.range(0, INITIATIVES).mapToObj(i -> loop.launchInitiative()).toList();
        Set<String> receipts = ConcurrentHashMap.newKeySet();

        ExecutorService participants = Executors.newFixedThreadPool(INITIATIVES);
        try {
            List<Future<?>> sent = initiatives.stream().map(initiative -> participants.submit(() -> {
                for (int i = 0; i < EACH; i++) {
                    receipts.add(loop.submit(initiative, "Said " + i).get("receiptToken").asText());
                }
            })).collect(Collectors.toList());
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            participants.shutdownNow();
        }

        assertThat(topology.recordsByPartition().values().stream().filter(records -> !records.isEmpty()).count())
                .as("initiatives spread over the partitions").isGreaterThan(1);
        String[] analyst = reads.signedIn("analyst");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(initiatives).allSatisfy(initiative -> assertThat(reads
                        .get("/api/initiatives/" + initiative + "/dashboard", analyst).json()
                        .path("participation").path("total").asInt()).as(initiative).isEqualTo(EACH)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(receipts.stream().collect(Collectors.groupingBy(
                        token -> reads.get("/api/receipts/me", "X-Receipt-Token", token).status(),
                        Collectors.counting()))).isEqualTo(Map.of(200, (long) INITIATIVES * EACH)));
    }
}
