package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * Steps of the loop over HTTP, as the people who take them would, and the waits for the read models to show
 * them (each {@link Eventually}).
 */
public final class Loop {
    private final Api api;
    private final Api reads;

    Loop(Api api) {
        this(api, api);
    }

    /** When the sides run apart: commands go to the one, reads to the other. */
    public Loop(Api commands, Api reads) {
        this.api = commands;
        this.reads = reads;
    }

    public String launchInitiative() {
        Api.Response launched = api.post("/api/initiatives", """
                {"title": "Getting to school safely",
                 "guidingQuestion": "What makes the trip to school hard for your family?",
                 "stakeholderGroups": [
                   {"code": "families", "name": "Families", "role": "BENEFICIARY", "populationShare": 0.6},
                   {"code": "staff", "name": "School staff", "role": "PROVIDER", "populationShare": 0.1}],
                 "languages": ["en", "es"],
                 "acknowledgeWithinHours": 72}""", Api.as("leader"));
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        return launched.json().get("initiativeId").asText();
    }

    public JsonNode submit(String initiativeId, String text, String... headers) {
        Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": %s, "channel": "SMS", "language": "es", "stakeholderGroup": "families",
                 "contact": "+1 555 0100", "followUpConsent": true}""".formatted(quote(text)), headers);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    /**
     * Waits until no projection is rebuilding: a test that asks for a rebuild waits for it to end, so that
     * the next test does not find the read models in the middle of one.
     */
    public void awaitEveryProjectionLive() {
        eventually().until(() -> {
            Api.Response projections = reads.get("/api/admin/projections", Api.as("admin"));
            return projections.status() == 200 && projections.json().findValuesAsText("state").stream()
                    .noneMatch("REBUILDING"::equals);
        });
    }

    /** A member of staff's feedback, sent on the web. */
    public JsonNode submitAsStaff(String initiativeId) {
        Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": "The gate opens too late", "channel": "WEB", "language": "en", "stakeholderGroup": "staff"}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    /**
     * Five families and six members of staff, counted on the dashboard (read exactly, as an analyst, so that
     * the public figures are first published with all eleven): families are 45% of the voices and 60% of the
     * community (under-represented), staff 55% against 10%.
     */
    public String initiativeWithElevenVoices() {
        String initiativeId = launchInitiative();
        for (int i = 0; i < 5; i++) {
            submit(initiativeId, "Family " + i + ": the bus is late");
        }
        for (int i = 0; i < 6; i++) {
            submitAsStaff(initiativeId);
        }
        awaitDashboard(initiativeId, dashboard -> dashboard.at("/participation/total").asInt() == 11);
        return initiativeId;
    }

    /** The participant's feed once the projection shows the given status. */
    public JsonNode awaitFeed(String receiptToken, String status) {
        return eventually().until(() -> {
            Api.Response feed = reads.get("/api/receipts/me", "X-Receipt-Token", receiptToken);
            return feed.status() == 200 ? feed.json() : null;
        }, feed -> feed != null && status.equals(feed.get("status").asText()));
    }

    /** The dashboard's exact figures, as an analyst reads them, once they are {@code ready}. */
    public JsonNode awaitDashboard(String initiativeId, Predicate<JsonNode> ready) {
        return eventually().until(() -> {
            Api.Response read = reads.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst"));
            return read.status() == 200 ? read.json() : null;
        }, dashboard -> dashboard != null && ready.test(dashboard));
    }

    /** Waits until the facilitator's inbox, filtered by {@code query} ("" or "?status=…"), holds {@code count}. */
    public void awaitInbox(String initiativeId, String query, int count) {
        eventually().until(() -> reads.get("/api/initiatives/" + initiativeId + "/feedback" + query,
                Api.as("facilitator")).json().path("totalItems").asInt(-1) == count);
    }

    /** Waits until the initiative's question and form page opens. */
    public void awaitQuestionPage(String initiativeId) {
        eventually().until(() -> reads.get("/i/" + initiativeId).status() == 200);
    }

    public static List<String> steps(JsonNode feed) {
        return feed.get("timeline").findValuesAsText("step");
    }

    static String quote(String text) {
        try {
            return Api.JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
