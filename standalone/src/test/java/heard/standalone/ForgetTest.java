package heard.standalone;

import static heard.standalone.BadInputTest.assertProblem;
import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.events.FeedbackSubmitted;
import heard.events.ParticipantForgotten;
import heard.events.personal.PersonalCipher;
import heard.query.config.Projections;
import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding end to end (docs/security.md): a participant's words and contact are stored encrypted;
 * when they ask to be forgotten (or an ADMIN does it for them) the key goes, the stored events can no
 * longer be read for their words, the read models drop them, the published counts stay, and a
 * replay of every projection brings none of it back.
 */
@StandaloneTest
class ForgetTest {
    private static final String WORDS = "Maria Lopez: the crossing on Elm St floods every morning";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    EventStore events;
    @Autowired
    Projections projections;
    Api api;
    Loop loop;

    @Test
    void theWordsAndContactAreStoredEncrypted() {
        String initiative = loop.launchInitiative();
        String feedbackId = loop.submit(initiative, WORDS).get("feedbackId").asText();

        String stored = storedPayloads(feedbackId);

        assertThat(stored).contains("\"stakeholderGroup\":\"families\"").doesNotContain("Elm St", "555 0100");
        assertThat(submitted(feedbackId).text()).isEqualTo(WORDS);
    }

    @Test
    void aParticipantForgetsThemselvesAndNothingOfTheirWordsRemainsWhileTheCountsStay() {
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, WORDS);
        String feedbackId = receipt.get("feedbackId").asText();
        String token = receipt.get("receiptToken").asText();
        staffAnswer(feedbackId);
        api.post("/api/feedback/" + feedbackId + "/understanding/response",
                "{\"confirmed\": false, \"correction\": \"Maria means Oak St\"}", "X-Receipt-Token", token);
        loop.awaitFeed(token, "CORRECTED");
        JsonNode countsBefore = dashboard(initiative);

        Api.Response forgotten = api.post("/api/receipts/forget", "", "X-Receipt-Token", token);

        assertThat(forgotten.status()).as(forgotten.body()).isEqualTo(200);
        assertThat(forgotten.json().get("feedbackId").asText()).isEqualTo(feedbackId);
        JsonNode feed = awaitForgotten(token);
        assertNothingOfTheirs(feed.toString());
        assertThat(feed.get("text").isNull()).isTrue();
        assertThat(Loop.steps(feed)).endsWith("FORGOTTEN").contains("ACKNOWLEDGED", "UNDERSTANDING_CORRECTED");
        assertGoneFromTheInbox(initiative, feedbackId);
        assertNothingOfTheirs(api.get("/r/" + token).body());
        assertThat(api.get("/r/" + token + "?lang=en").body()).contains("Erased at your request.");
        assertThat(submitted(feedbackId).text()).isNull();
        assertThat(submitted(feedbackId).contact()).isNull();
        assertThat(dashboard(initiative)).isEqualTo(countsBefore);
        assertThat(lastEvent(feedbackId)).isInstanceOf(ParticipantForgotten.class)
                .extracting("actor").isEqualTo("participant");
    }

    /** A participant may begin with the very marker of sealed words: theirs are sealed and forgotten all the same. */
    @Test
    void wordsThatBeginLikeSealedOnesAreStoredEncryptedAndForgottenToo() {
        String initiative = loop.launchInitiative();
        String words = PersonalCipher.PREFIX + WORDS;
        JsonNode receipt = loop.submit(initiative, words);
        String feedbackId = receipt.get("feedbackId").asText();
        String token = receipt.get("receiptToken").asText();

        assertNothingOfTheirs(storedPayloads(feedbackId));
        assertThat(loop.awaitFeed(token, "SUBMITTED").get("text").asText()).isEqualTo(words);
        assertThat(api.post("/api/receipts/forget", "", "X-Receipt-Token", token).status()).isEqualTo(200);

        assertNothingOfTheirs(awaitForgotten(token).toString());
        assertGoneFromTheInbox(initiative, feedbackId);
        assertNothingOfTheirs(api.get("/r/" + token).body());
        assertNothingOfTheirs(storedPayloads(feedbackId));
        assertThat(submitted(feedbackId).text()).isNull();
    }

    @Test
    void aReplayOfEveryProjectionAfterForgettingBringsNoneOfItBack() {
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, WORDS);
        String token = receipt.get("receiptToken").asText();
        JsonNode other = loop.submit(initiative, "Another family: the bus is late");
        staffAnswer(receipt.get("feedbackId").asText());
        loop.awaitFeed(token, "UNDERSTANDING_SUMMARIZED");
        assertThat(api.post("/api/receipts/forget", "", "X-Receipt-Token", token).status()).isEqualTo(200);
        awaitForgotten(token);
        JsonNode countsBefore = dashboard(initiative);

        for (String projection : projections.names()) {
            Api.Response replay = api.post("/api/admin/projections/" + projection + "/replay", "", Api.as("admin"));
            assertThat(replay.status()).as(projection + ": " + replay.body()).isEqualTo(202);
        }
        loop.awaitEveryProjectionLive();

        eventually().until(() -> dashboard(initiative).equals(countsBefore));
        JsonNode feed = awaitForgotten(token);
        assertNothingOfTheirs(feed.toString());
        assertGoneFromTheInbox(initiative, receipt.get("feedbackId").asText());
        assertThat(loop.awaitFeed(other.get("receiptToken").asText(), "SUBMITTED").get("text").asText())
                .isEqualTo("Another family: the bus is late");
    }

    @Test
    void anAdminForgetsAParticipantOnTheirBehalfAndForgettingTwiceChangesNothing() {
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, WORDS);
        String feedbackId = receipt.get("feedbackId").asText();

        Api.Response first = api.post("/api/admin/participants/" + feedbackId + "/forget", "", Api.as("admin"));
        Api.Response again = api.post("/api/admin/participants/" + feedbackId + "/forget", "", Api.as("admin"));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        awaitForgotten(receipt.get("receiptToken").asText());
        assertThat(lastEvent(feedbackId)).isInstanceOf(ParticipantForgotten.class).extracting("actor")
                .isEqualTo("admin");
        assertThat(events.readEvents(feedbackId).asStream()
                .filter(e -> e.getPayload() instanceof ParticipantForgotten).count()).isEqualTo(1);
        Api.Response acknowledge = api.post("/api/feedback/" + feedbackId + "/acknowledgement",
                "{\"message\": \"Thank you\"}", Api.as("facilitator"));
        assertThat(acknowledge.status()).isEqualTo(409);
        assertThat(api.post("/api/feedback/" + feedbackId + "/themes", "{\"themes\": [\"flooding\"]}",
                Api.as("facilitator")).status()).isEqualTo(200);
    }

    @Test
    void theParticipantForgetsThemselvesFromTheirPageWithATickedBox() {
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, WORDS);
        String token = receipt.get("receiptToken").asText();
        String feedbackId = receipt.get("feedbackId").asText();
        loop.awaitFeed(token, "SUBMITTED");
        String page = api.get("/r/" + token + "?lang=en").body();
        assertThat(page).contains("Erase what you told us", "/r/" + token + "/forget");

        Api.Response unticked = api.postAs("application/x-www-form-urlencoded", "/r/" + token + "/forget",
                FormPage.body("feedbackId", feedbackId, "formToken", FormPage.token(page)), origin());
        assertThat(unticked.status()).isEqualTo(303);
        assertThat(unticked.headers().firstValue("Location").orElseThrow()).contains("error=forget");
        assertThat(lastEvent(feedbackId)).isInstanceOf(FeedbackSubmitted.class);

        Api.Response ticked = api.postAs("application/x-www-form-urlencoded", "/r/" + token + "/forget",
                FormPage.body("feedbackId", feedbackId, "confirm", "true", "formToken",
                        FormPage.token(api.get("/r/" + token + "?error=forget").body()), "lang", "es"),
                origin());
        assertThat(ticked.status()).isEqualTo(303);
        assertThat(ticked.headers().firstValue("Location").orElseThrow()).contains("forgotten=true", "lang=es");
        awaitForgotten(token);
        String after = api.get("/r/" + token + "?forgotten=true&lang=es").body();
        assertThat(after).contains("Hemos borrado sus palabras").doesNotContain("Erase what you told us");
        assertNothingOfTheirs(after);
    }

    @Test
    void badRequestsToForgetAreClearProblemsAndForgetNothing() {
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, WORDS);
        String feedbackId = receipt.get("feedbackId").asText();
        String admin = "/api/admin/participants/" + feedbackId + "/forget";

        assertProblem(api.post("/api/receipts/forget", ""), 401);
        assertProblem(api.post("/api/receipts/forget", "", "X-Receipt-Token", "not a token"), 401);
        assertProblem(api.post("/api/receipts/forget", "", "X-Receipt-Token", "AAAAAAAAAAAAAAAAAAAAAA"), 401);
        assertProblem(api.post("/api/receipts/forget", "{\"x\": \"" + "y".repeat(70_000) + "\"}",
                "X-Receipt-Token", receipt.get("receiptToken").asText()), 413);
        assertProblem(api.post(admin, ""), 401);
        assertProblem(api.post(admin, "", Api.as("leader")), 403);
        assertProblem(api.post(admin, "", Api.as("facilitator")), 403);
        assertProblem(api.post("/api/admin/participants/no-such-feedback/forget", "", Api.as("admin")), 404);
        assertProblem(api.post(admin, "{\"x\": \"" + "y".repeat(70_000) + "\"}", Api.as("admin")), 413);

        assertThat(lastEvent(feedbackId)).isInstanceOf(FeedbackSubmitted.class);
        assertThat(submitted(feedbackId).text()).isEqualTo(WORDS);
    }

    private void staffAnswer(String feedbackId) {
        assertThat(api.post("/api/feedback/" + feedbackId + "/acknowledgement",
                "{\"message\": \"Thank you, Maria\"}", Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post("/api/feedback/" + feedbackId + "/understanding",
                "{\"summary\": \"Maria says Elm St floods\"}", Api.as("facilitator")).status()).isEqualTo(200);
    }

    private static void assertNothingOfTheirs(String shown) {
        assertThat(shown).doesNotContain("Maria", "Elm St", "Oak St");
    }

    /** Their row of the facilitator's inbox, and the console's page, where other participants' words stay. */
    private void assertGoneFromTheInbox(String initiative, String feedbackId) {
        JsonNode item = eventually().until(() -> api.get("/api/initiatives/" + initiative
                + "/feedback", Api.as("facilitator")).json().findParents("feedbackId").stream()
                .filter(row -> row.get("feedbackId").asText().equals(feedbackId)).findFirst().orElse(null),
                row -> row != null && row.hasNonNull("forgottenAt"));
        assertThat(item.get("text").isNull()).isTrue();
        assertThat(item.get("contact").isNull()).isTrue();
        assertThat(item.get("summary").isNull()).isTrue();
        assertNothingOfTheirs(api.get("/staff/i/" + initiative, Api.as("facilitator")).body());
    }

    private JsonNode awaitForgotten(String token) {
        return eventually().until(
                () -> api.get("/api/receipts/me", "X-Receipt-Token", token).json(),
                feed -> feed.hasNonNull("forgottenAt"));
    }

    private JsonNode dashboard(String initiative) {
        JsonNode dashboard = api.get("/api/initiatives/" + initiative + "/dashboard", Api.as("analyst")).json();
        return dashboard.get("participation");
    }

    private String storedPayloads(String feedbackId) {
        return String.join("\n", db.queryForList(
                "select payload from domain_event_entry where aggregate_identifier = ?", byte[].class, feedbackId)
                .stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
    }

    private FeedbackSubmitted submitted(String feedbackId) {
        return (FeedbackSubmitted) events.readEvents(feedbackId).asStream().findFirst().orElseThrow().getPayload();
    }

    private Object lastEvent(String feedbackId) {
        return events.readEvents(feedbackId).asStream().reduce((first, second) -> second)
                .map(DomainEventMessage::getPayload).orElseThrow();
    }

    private String[] origin() {
        return new String[] {"Origin", "http://localhost:" + port};
    }
}
