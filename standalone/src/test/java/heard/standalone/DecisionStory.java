package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A decision revised twice on what families said, made over HTTP by the people who would make it,
 * with the instants between its steps as a reader saw them:
 * {@code beforeProposal} &lt; proposal &lt; {@code afterProposal} &lt; revision to version 2 &lt;
 * {@code afterFirstRevision} &lt; evidence linked &lt; {@code afterLink} &lt; version 2 assessed &lt;
 * {@code afterOutcome} &lt; revision to version 3 &lt; {@code afterSecondRevision}.
 */
final class DecisionStory {
    static final String FIRST_HYPOTHESIS = "If the afternoon route leaves 20 minutes earlier, children will wait less";
    static final String SECOND_HYPOTHESIS = "If the afternoon route leaves earlier on Fridays too, children will wait less";

    final Api api;
    final String initiativeId;
    final String evidence;
    final String evidenceToken;
    final String trigger;
    final String triggerToken;
    final String linked;
    final String indicatorId;
    final String decisionId;
    final Instant beforeProposal;
    final Instant afterProposal;
    final Instant afterFirstRevision;
    final Instant afterLink;
    final Instant afterOutcome;
    final Instant afterSecondRevision;

    DecisionStory(Api api, String title) {
        this.api = api;
        Loop loop = new Loop(api);
        initiativeId = loop.launchInitiative();
        JsonNode first = loop.submit(initiativeId, "The afternoon bus is late");
        evidence = first.get("feedbackId").asText();
        evidenceToken = first.get("receiptToken").asText();
        JsonNode second = loop.submit(initiativeId, "It is worse on Fridays");
        trigger = second.get("feedbackId").asText();
        triggerToken = second.get("receiptToken").asText();
        linked = loop.submit(initiativeId, "My son waits 40 minutes").get("feedbackId").asText();
        ok(api.post("/api/feedback/" + trigger + "/themes", "{\"themes\": [\"fridays\", \"transport\"]}",
                Api.as("analyst")));
        indicatorId = api.post("/api/initiatives/" + initiativeId + "/indicators",
                "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}", Api.as("analyst"))
                .json().get("indicatorId").asText();

        beforeProposal = pause();
        Api.Response proposed = api.post("/api/initiatives/" + initiativeId + "/decisions", """
                {"title": %s, "hypothesis": %s,
                 "expectedOutcome": "Waits under 10 minutes", "engagementLevel": "CONSULT",
                 "reviewBy": "2099-06-01", "indicators": [{"indicatorId": "%s", "baseline": 31, "target": 10}],
                 "evidence": ["%s"], "affectedGroups": ["families"], "rationale": "Families told us the wait is long"}"""
                .formatted(Loop.quote(title), Loop.quote(FIRST_HYPOTHESIS), indicatorId, evidence), Api.as("leader"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        decisionId = proposed.json().get("decisionId").asText();
        afterProposal = pause();
        ok(api.post("/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": 1, "changes": {"hypothesis": %s, "engagementLevel": "COLLABORATE"},
                 "rationale": "Families said Fridays are the worst, and asked to plan the route with us",
                 "triggeredBy": ["%s"]}""".formatted(Loop.quote(SECOND_HYPOTHESIS), trigger), Api.as("leader")));
        afterFirstRevision = pause();
        ok(api.post("/api/decisions/" + decisionId + "/evidence",
                "{\"feedbackIds\": [\"" + linked + "\"], \"note\": \"Heard at the May meeting\"}", Api.as("analyst")));
        afterLink = pause();
        ok(api.post("/api/decisions/" + decisionId + "/outcome",
                "{\"verdict\": \"INCONCLUSIVE\", \"observed\": \"Waits fell to 14 minutes\"}", Api.as("analyst")));
        afterOutcome = pause();
        ok(api.post("/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": 2,
                 "changes": {"reviewBy": "2099-09-01",
                             "indicators": [{"indicatorId": "%s", "baseline": 31, "target": 12.5}]},
                 "rationale": "Count through the summer", "triggeredBy": ["%s"]}""".formatted(indicatorId, evidence),
                Api.as("leader")));
        afterSecondRevision = pause();
    }

    /** The decision once the read side shows what was done. */
    JsonNode awaitDecision(Predicate<JsonNode> shown) {
        return eventually()
                .until(() -> {
                    Api.Response read = api.get("/api/decisions/" + decisionId + "/history");
                    return read.status() == 200 ? read.json() : null;
                }, history -> history != null && shown.test(history));
    }

    /** Every step of the story, as the history shows it. */
    JsonNode awaitWholeHistory() {
        return awaitDecision(history -> history.get("steps").size() == 5);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** An instant clearly between two steps. */
    private static Instant pause() {
        try {
            Thread.sleep(5);
            Instant now = Instant.now();
            Thread.sleep(5);
            return now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
