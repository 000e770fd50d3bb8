package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * With no mail server configured, the app runs as before: the messages wait in the outbox, and the
 * administrator's outbox page says why.
 */
@StandaloneTest
class FollowUpWithoutMailTest {
    Api api;
    Loop loop;

    @Test
    void messagesWaitInTheOutboxAndThePageSaysWhy() {
        String initiativeId = loop.launchInitiative();
        Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": "Waiting", "channel": "WEB", "language": "en", "stakeholderGroup": "families",
                 "email": "waits@example.org", "followUpByEmail": true}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long waitingBefore = waitingEmails(api);
        assertThat(api.post("/api/feedback/" + submitted.json().get("feedbackId").asText() + "/acknowledgement",
                "{\"message\": \"Thanks\"}", Api.as("facilitator")).status()).isEqualTo(200);

        eventually().until(() -> waitingEmails(api) == waitingBefore + 1);
        JsonNode outbox = api.get("/api/admin/outbox", Api.as("admin")).json();
        assertThat(outbox.at("/channels/0/configured").asBoolean()).isFalse();
        assertThat(outbox.at("/counts/SENT").asInt()).isZero();
        String page = api.get("/staff/outbox", Api.as("admin")).body();
        assertThat(page).contains("no mail server is configured").doesNotContain("waits@example.org");
        assertThat(api.get("/staff/outbox?lang=es", Api.as("admin")).body())
                .contains("no hay servidor de correo configurado");
    }

    private static long waitingEmails(Api api) {
        return api.get("/api/admin/outbox", Api.as("admin")).json().at("/channels/0/waiting").asLong();
    }
}
