package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import heard.standalone.Api;
import heard.standalone.Loop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A query side that reads the write side's event store in their shared database ({@code heard.events.source=
 * event-store}), the sides apart. Nothing in the query side's process appends events, so nothing wakes its store's
 * reader: it finds a submission only by looking. On a quiet topology, each participant's receipt must still show
 * within half a second of the submission's answer. The submissions come at uneven times, so that they fall
 * anywhere between two looks.
 */
class QuerySideOnTheStoreTest {
    private static final Duration SHOWN_WITHIN = Duration.ofMillis(500);
    private static final long[] QUIET_MILLIS = {310, 470, 650, 220, 890, 540, 380, 760, 150, 600};
    private final Topology topology = Topology.fresh("on_the_store", "heard.events.on-the-store");
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;

    @AfterEach
    void stop() {
        Topology.close(querySide, commandSide);
    }

    @Test
    void eachReceiptShowsWithinHalfASecondOfItsSubmission() throws Exception {
        commandSide = topology.commandSide("--heard.events.publish-to-kafka=false");
        querySide = topology.querySide("--heard.events.source=event-store");
        Api reads = new Api(Topology.port(querySide));
        Loop loop = new Loop(new Api(Topology.port(commandSide)), reads);
        String initiativeId = loop.launchInitiative();
        loop.awaitQuestionPage(initiativeId);

        List<Long> shownAfterMillis = new ArrayList<>();
        for (long quiet : QUIET_MILLIS) {
            Thread.sleep(quiet);
            String token = loop.submit(initiativeId, "The crossing guard leaves at 8:05").get("receiptToken").asText();
            long answered = System.nanoTime();
            while (reads.get("/api/receipts/me", "X-Receipt-Token", token).status() != 200
                    && System.nanoTime() - answered < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(5);
            }
            shownAfterMillis.add(Duration.ofNanos(System.nanoTime() - answered).toMillis());
        }
        assertThat(shownAfterMillis).as("ms from each answer to its receipt")
                .allSatisfy(millis -> assertThat(millis).isLessThan(SHOWN_WITHIN.toMillis()));
    }
}
