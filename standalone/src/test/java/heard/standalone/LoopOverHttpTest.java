package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole inquire-and-respond loop over HTTP, against the running standalone app. */
@StandaloneTest
class LoopOverHttpTest {
    @LocalServerPort
    int port;
    Api api;
    Loop loop;

    @Test
    void aSpanishSmsIsHeardCorrectedConfirmedThemedAndAnsweredWithALearning() {
        String initiativeId = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiativeId, "El autobús de la tarde llega tarde");
        String feedbackId = receipt.get("feedbackId").asText();
        String token = receipt.get("receiptToken").asText();
        assertThat(receipt.get("receiptUrl").asText()).endsWith("/r/" + token);

        String feedback = "/api/feedback/" + feedbackId;
        assertThat(api.post(feedback + "/acknowledgement", "{\"message\": \"Gracias, lo leímos\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post(feedback + "/understanding", "{\"summary\": \"The morning bus is late\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post(feedback + "/understanding/response",
                "{\"confirmed\": false, \"correction\": \"Es el autobús de la tarde\"}",
                "X-Receipt-Token", token).status()).isEqualTo(200);
        assertThat(api.post(feedback + "/understanding", "{\"summary\": \"The afternoon bus is late\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post(feedback + "/understanding/response", "{\"confirmed\": true}",
                "X-Receipt-Token", token).status()).isEqualTo(200);
        assertThat(api.post(feedback + "/themes", "{\"themes\": [\"Transport\", \"safety\"]}",
                Api.as("analyst")).status()).isEqualTo(200);
        Api.Response learning = api.post("/api/initiatives/" + initiativeId + "/learnings", """
                {"title": "Afternoon buses", "whatWeHeard": "The afternoon bus runs late",
                 "whatWeDecided": "The route starts 20 minutes earlier", "whatWeLearned": "It was the afternoon",
                 "whatsNext": "We ask again in six weeks", "feedbackIds": ["%s"]}""".formatted(feedbackId),
                Api.as("leader"));
        assertThat(learning.status()).as(learning.body()).isEqualTo(201);

        JsonNode feed = loop.awaitFeed(token, "LOOP_CLOSED");
        assertThat(feed.get("text").asText()).isEqualTo("El autobús de la tarde llega tarde");
        assertThat(feed.get("channel").asText()).isEqualTo("SMS");
        assertThat(feed.get("language").asText()).isEqualTo("es");
        assertThat(Loop.steps(feed)).containsExactly("SUBMITTED", "ACKNOWLEDGED", "UNDERSTANDING_SUMMARIZED",
                "UNDERSTANDING_CORRECTED", "UNDERSTANDING_SUMMARIZED", "UNDERSTANDING_CONFIRMED", "THEMED",
                "LEARNING_PUBLISHED", "LOOP_CLOSED");
        JsonNode timeline = feed.get("timeline");
        assertThat(timeline.get(1).get("text").asText()).isEqualTo("Gracias, lo leímos");
        assertThat(timeline.get(3).get("text").asText()).isEqualTo("Es el autobús de la tarde");
        assertThat(timeline.get(4).get("text").asText()).isEqualTo("The afternoon bus is late");
        assertThat(timeline.get(6).get("themes").toString()).isEqualTo("[\"transport\",\"safety\"]");
        assertThat(feed.get("themes").toString()).isEqualTo("[\"transport\",\"safety\"]");
        assertThat(timeline.get(7).get("learningTitle").asText()).isEqualTo("Afternoon buses");
        assertThat(feed.toString()).doesNotContain("555 0100");

        // the public feed is a projection of its own, which may be a moment behind the participant's
        Api.Response publicFeed = eventually()
                .until(() -> api.get("/api/initiatives/" + initiativeId + "/learnings"), r -> r.json().size() == 1);
        assertThat(publicFeed.json().get(0).get("feedbackCount").asInt()).isEqualTo(1);
        assertThat(publicFeed.body()).doesNotContain(feedbackId).doesNotContain("555 0100");

        JsonNode inbox = eventually()
                .until(() -> api.get("/api/initiatives/" + initiativeId + "/feedback?status=LOOP_CLOSED",
                        Api.as("facilitator")).json(), page -> page.path("totalItems").asInt() == 1);
        JsonNode item = inbox.get("items").get(0);
        assertThat(item.get("contact").asText()).isEqualTo("+1 555 0100");
        assertThat(item.get("summary").asText()).isEqualTo("The afternoon bus is late");
        assertThat(item.get("correction").asText()).isEqualTo("Es el autobús de la tarde");
        assertThat(item.get("overdue").asBoolean()).isFalse();

        JsonNode initiative = eventually()
                .until(() -> api.get("/api/initiatives/" + initiativeId).json(),
                        summary -> summary.path("learningCount").asInt() == 1);
        assertThat(initiative.get("feedbackCount").asInt()).isEqualTo(1);
    }

    @Test
    void aFacilitatorRecordsPaperFeedbackOnAParticipantsBehalf() {
        String initiativeId = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiativeId, "Written at the evening meeting", Api.as("facilitator"));
        String feedbackId = receipt.get("feedbackId").asText();
        JsonNode inbox = eventually()
                .until(() -> api.get("/api/initiatives/" + initiativeId + "/feedback", Api.as("facilitator")).json(),
                        page -> page.path("totalItems").asInt() == 1);
        assertThat(inbox.get("items").get(0).get("feedbackId").asText()).isEqualTo(feedbackId);
        assertThat(inbox.get("items").get(0).get("submittedBy").asText()).isEqualTo("facilitator");
    }

    @Test
    void aClosedLoopCannotBeAcknowledgedAgainAndAnsweringWithoutASummaryIsAConflict() {
        String initiativeId = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiativeId, "Need a later start");
        String feedbackId = receipt.get("feedbackId").asText();
        Api.Response early = api.post("/api/feedback/" + feedbackId + "/understanding/response",
                "{\"confirmed\": true}", "X-Receipt-Token", receipt.get("receiptToken").asText());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).isEqualTo("application/problem+json");

        api.post("/api/initiatives/" + initiativeId + "/learnings", """
                {"title": "t", "whatWeHeard": "h", "whatWeDecided": "d", "whatWeLearned": "l", "whatsNext": "n",
                 "feedbackIds": ["%s"]}""".formatted(feedbackId), Api.as("leader"));
        loop.awaitFeed(receipt.get("receiptToken").asText(), "LOOP_CLOSED");
        Api.Response late = api.post("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"hi\"}",
                Api.as("facilitator"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("closed");
    }

    /**
     * Without {@code heard.web.pages-url} the receipt links and redirects are built from the address a
     * request was sent to, so that address must be this machine: a request naming another host in its
     * {@code Host} is refused before anything is recorded, and never handed a link to that host.
     */
    @Test
    void withoutAConfiguredAddressOnlyThisMachinesNamesAreAnswered() throws Exception {
        String initiativeId = loop.launchInitiative();
        String submission = """
                {"text": "The bus is late", "channel": "WEB", "language": "en", "stakeholderGroup": "families"}""";
        String path = "/api/initiatives/" + initiativeId + "/feedback";

        String elsewhere = sentWithHost("attacker.example", path, submission);
        assertThat(elsewhere).startsWith("HTTP/1.1 400").contains("application/problem+json", "heard.web.pages-url")
                .doesNotContain("receiptToken", "attacker.example/r/");
        assertThat(sentWithHost("attacker.example", "/i/" + initiativeId, null)).startsWith("HTTP/1.1 400");
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
                api.get(path, Api.as("facilitator")).json().get("totalItems").asInt() == 0);

        for (String local : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            assertThat(sentWithHost(local, path, submission)).as(local).startsWith("HTTP/1.1 201")
                    .contains("\"receiptUrl\":\"http://" + local + ":" + port + "/r/");
        }
    }

    /** A request as a client that names any host may send it (java.net.http will not set Host). */
    private String sentWithHost(String host, String path, String jsonBody) throws IOException {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        String head = (jsonBody == null ? "GET " : "POST ") + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
