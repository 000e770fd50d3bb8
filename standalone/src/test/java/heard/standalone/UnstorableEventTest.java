package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.events.FeedbackAcknowledged;
import heard.standalone.StoredVoices.Stored;
import heard.standalone.StoredVoices.Voice;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A submission that no read model can hold (a language tag longer than every language column), stored
 * straight into the event store as an app without today's caps could have, in one transaction with
 * submissions that are fine, so that all arrive in one batch. It is parked alone in each projection
 * that cannot store it; every other submission, before, beside and after it, stays visible.
 */
@StandaloneTest
class UnstorableEventTest {
    static final List<String> PROJECTIONS = List.of("returned-learning", "inbox", "dashboard");
    static final String UNSTORABLE_LANGUAGE = "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee-ffffffff";
    @Autowired
    EventStore store;
    @Autowired
    TransactionManager transactions;
    Api api;
    Loop loop;

    private int inboxSize(String initiativeId) {
        return api.get("/api/initiatives/" + initiativeId + "/feedback?size=100", Api.as("facilitator")).json()
                .at("/totalItems").asInt(-1);
    }

    private int submitted(String initiativeId) {
        return api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst")).json()
                .at("/participation/total").asInt(-1);
    }

    private List<JsonNode> lettersOf(String eventId) {
        return api.get("/api/admin/dead-letters", Api.as("admin")).json().findParents("projection").stream()
                .filter(letter -> letter.get("eventId").asText().equals(eventId)).toList();
    }

    /** Four submissions that read models can hold, with the unstorable one in the middle of a batch. */
    private Scene parkedScene() {
        String initiativeId = loop.launchInitiative();
        String before = loop.submit(initiativeId, "Before the odd one").get("receiptToken").asText();
        List<Stored> together = StoredVoices.storeTogether(store, transactions, initiativeId, List.of(
                new Voice("en", "Stored beside the odd one"), new Voice(UNSTORABLE_LANGUAGE, "Stored in an odd language"),
                new Voice("es", "Guardada junto a la rara")));
        String after = loop.submit(initiativeId, "After the odd one").get("receiptToken").asText();
        List<String> visible = List.of(before, together.get(0).receiptToken(), together.get(2).receiptToken(), after);
        return new Scene(initiativeId, visible, together.get(1));
    }

    record Scene(String initiativeId, List<String> visibleReceipts, Stored unstorable) {
    }

    private void assertEverythingElseVisible(Scene scene) {
        scene.visibleReceipts().forEach(token -> loop.awaitFeed(token, "SUBMITTED"));
        eventually().until(() -> inboxSize(scene.initiativeId()) == 4);
        eventually().until(() -> submitted(scene.initiativeId()) == 4);
        assertThat(api.get("/api/receipts/me", "X-Receipt-Token", scene.unstorable().receiptToken()).status())
                .isEqualTo(401);
    }

    private void assertParkedOnceIn(Scene scene, List<String> projections) {
        eventually().until(() -> lettersOf(scene.unstorable().eventId()).size() == projections.size());
        List<JsonNode> letters = lettersOf(scene.unstorable().eventId());
        assertThat(letters).extracting(letter -> letter.get("projection").asText())
                .containsExactlyInAnyOrderElementsOf(projections);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("eventType").asText()).isEqualTo("FeedbackSubmitted");
            assertThat(letter.get("causeType").asText()).isNotBlank();
            assertThat(letter.toString()).doesNotContain("odd language");
        });
    }

    @Test
    void anEventNoReadModelCanStoreIsParkedAloneAndEveryOtherSubmissionStaysVisible() {
        Scene scene = parkedScene();

        assertEverythingElseVisible(scene);
        assertParkedOnceIn(scene, PROJECTIONS);
        String later = loop.submit(scene.initiativeId(), "Long after").get("receiptToken").asText();
        loop.awaitFeed(later, "SUBMITTED");
        eventually().until(() -> submitted(scene.initiativeId()) == 5);
    }

    @Test
    void aLaterEventOfTheParkedSubmissionWaitsBehindIt() {
        Scene scene = parkedScene();
        assertParkedOnceIn(scene, PROJECTIONS);
        String feedbackId = scene.unstorable().feedbackId();
        GenericDomainEventMessage<FeedbackAcknowledged> acknowledged = new GenericDomainEventMessage<>("Feedback",
                feedbackId, 1, new FeedbackAcknowledged(feedbackId, scene.initiativeId(), "Thank you", Instant.now(),
                        "facilitator"));
        transactions.executeInTransaction(() -> store.publish(acknowledged));
        String after = loop.submit(scene.initiativeId(), "After the acknowledgement").get("receiptToken").asText();

        loop.awaitFeed(after, "SUBMITTED");
        eventually().until(() -> lettersOf(acknowledged.getIdentifier()).size() == 3);
        assertThat(lettersOf(acknowledged.getIdentifier())).extracting(letter -> letter.get("projection").asText())
                .containsExactlyInAnyOrderElementsOf(PROJECTIONS);
        assertThat(lettersOf(acknowledged.getIdentifier())).allSatisfy(letter ->
                assertThat(letter.get("eventType").asText()).isEqualTo("FeedbackAcknowledged"));
    }

    @Test
    void aRetriedDeadLetterThatFailsAgainStaysParkedWithItsCause() {
        Scene scene = parkedScene();
        assertParkedOnceIn(scene, PROJECTIONS);

        for (String projection : PROJECTIONS) {
            Api.Response retried = api.post("/api/admin/dead-letters/" + projection + "/retry", "", Api.as("admin"));
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        }

        assertParkedOnceIn(scene, PROJECTIONS);
        assertEverythingElseVisible(scene);
    }

    @Test
    void aReplayWithTheUnstorableEventInTheLogRebuildsEverythingElse() {
        Scene scene = parkedScene();
        assertEverythingElseVisible(scene);
        assertParkedOnceIn(scene, PROJECTIONS);

        for (String projection : PROJECTIONS) {
            assertThat(api.post("/api/admin/projections/" + projection + "/replay", "", Api.as("admin")).status())
                    .isEqualTo(202);
        }
        new Loop(api).awaitEveryProjectionLive();

        assertEverythingElseVisible(scene);
        assertParkedOnceIn(scene, PROJECTIONS);
    }
}
