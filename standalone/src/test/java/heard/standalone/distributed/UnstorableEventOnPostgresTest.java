package heard.standalone.distributed;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import heard.standalone.Api;
import heard.standalone.Loop;
import heard.standalone.StoredVoices;
import heard.standalone.StoredVoices.Stored;
import heard.standalone.StoredVoices.Voice;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On PostgreSQL a NUL character cannot be stored in text, and a failed statement spoils the rest of its
 * transaction. A submission holding one, stored straight into the command side's event store in one
 * batch with others, is parked alone on the query side; every other submission becomes visible.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnstorableEventOnPostgresTest {
    private final Topology topology = Topology.fresh("unstorable", "heard.unstorable");
    private final ConfigurableApplicationContext commandSide = topology.commandSide();
    private final ConfigurableApplicationContext querySide = topology.querySide();

    @AfterAll
    void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void aSubmissionPostgresCannotStoreIsParkedAloneAndTheOthersAreVisible() {
        Api commands = new Api(Topology.port(commandSide));
        Api reads = new Api(Topology.port(querySide));
        Loop loop = new Loop(commands, reads);
        String initiativeId = loop.launchInitiative();
        String before = loop.submit(initiativeId, "Before the odd one").get("receiptToken").asText();
        List<Stored> together = StoredVoices.storeTogether(commandSide.getBean(EventStore.class),
                commandSide.getBean(TransactionManager.class), initiativeId, List.of(
                        new Voice("en", "Stored beside the odd one"), new Voice("en", "A NUL \u0000 in the middle"),
                        new Voice("es", "Guardada junto a la rara")));
        String after = loop.submit(initiativeId, "After the odd one").get("receiptToken").asText();

        for (String token : List.of(before, together.get(0).receiptToken(), together.get(2).receiptToken(), after)) {
            loop.awaitFeed(token, "SUBMITTED");
        }
        eventually().until(() -> reads.get("/api/initiatives/" + initiativeId + "/feedback",
                Api.as("facilitator")).json().at("/totalItems").asInt() == 4);
        String unstorable = together.get(1).eventId();
        eventually().until(() -> projectionsParking(reads, unstorable).containsAll(List.of("returned-learning", "inbox")));
        assertThat(projectionsParking(reads, unstorable)).contains("returned-learning", "inbox").doesNotHaveDuplicates();
        assertThat(reads.get("/api/receipts/me", "X-Receipt-Token", together.get(1).receiptToken()).status())
                .isEqualTo(401);
    }

    private static List<String> projectionsParking(Api reads, String eventId) {
        return reads.get("/api/admin/dead-letters", Api.as("admin")).json().findParents("projection").stream()
                .filter(letter -> letter.get("eventId").asText().equals(eventId))
                .map(letter -> letter.get("projection").asText()).toList();
    }
}
