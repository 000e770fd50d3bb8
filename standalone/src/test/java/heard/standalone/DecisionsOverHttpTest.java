package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A leader proposes a decision as a hypothesis, revises it on what families said, and assesses it. */
@StandaloneTest
class DecisionsOverHttpTest {
    Loop loop;
    Api api;
    String initiativeId;
    String indicatorId;
    String evidence;
    String trigger;
    String decisionId;

    @BeforeEach
    void aDecisionOnWhatAFamilySaid() {
        initiativeId = loop.launchInitiative();
        evidence = loop.submit(initiativeId, "The afternoon bus is late").get("feedbackId").asText();
        trigger = loop.submit(initiativeId, "It is worse on Fridays").get("feedbackId").asText();
        indicatorId = api.post("/api/initiatives/" + initiativeId + "/indicators",
                "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}", Api.as("analyst"))
                .json().get("indicatorId").asText();
        Api.Response measured = api.post("/api/indicators/" + indicatorId + "/measurements",
                "{\"value\": 31, \"at\": \"2026-01-15T16:00:00Z\", \"stakeholderGroup\": \"families\"}",
                Api.as("analyst"));
        assertThat(measured.status()).as(measured.body()).isEqualTo(200);
        Api.Response proposed = api.post("/api/initiatives/" + initiativeId + "/decisions", """
                {"title": "Earlier afternoon buses",
                 "hypothesis": "If the afternoon route leaves 20 minutes earlier, children will wait less",
                 "expectedOutcome": "Waits under 10 minutes", "engagementLevel": "CONSULT",
                 "reviewBy": "2099-06-01", "indicators": [{"indicatorId": "%s", "baseline": 31, "target": 10}],
                 "evidence": ["%s"], "affectedGroups": ["families"], "rationale": "Families told us"}"""
                .formatted(indicatorId, evidence), Api.as("leader"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("version").asInt()).isEqualTo(1);
        decisionId = proposed.json().get("decisionId").asText();
    }

    @Test
    void revisionsNameTheVersionTheyReviseAndAFinalOutcomeEndsThem() {
        assertThat(revise(1, "Fridays too").json().get("version").asInt()).isEqualTo(2);
        Api.Response stale = revise(1, "again");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo("application/problem+json");
        assertThat(stale.json().get("detail").asText()).contains("version 2");

        assertThat(outcome("INCONCLUSIVE").status()).isEqualTo(200);
        assertThat(outcome("SUPPORTED").status()).as("assessed twice").isEqualTo(409);
        assertThat(revise(2, "Try a second bus").json().get("version").asInt()).isEqualTo(3);
        assertThat(outcome("SUPPORTED").status()).isEqualTo(200);
        Api.Response afterFinal = revise(3, "More");
        assertThat(afterFinal.status()).isEqualTo(409);
        assertThat(afterFinal.json().get("detail").asText()).contains("final");
    }

    @Test
    void evidenceAndTriggersMustBeFeedbackOfTheSameInitiative() {
        String elsewhere = new Loop(api).submit(new Loop(api).launchInitiative(), "Elsewhere")
                .get("feedbackId").asText();
        Api.Response foreignTrigger = api.post("/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": 1, "changes": {"engagementLevel": "COLLABORATE"}, "rationale": "r",
                 "triggeredBy": ["%s"]}""".formatted(elsewhere), Api.as("leader"));
        assertThat(foreignTrigger.status()).isEqualTo(422);
        assertThat(foreignTrigger.json().get("errors").findValuesAsText("field")).containsExactly("triggeredBy");

        Api.Response foreignEvidence = api.post("/api/decisions/" + decisionId + "/evidence",
                "{\"feedbackIds\": [\"" + elsewhere + "\"]}", Api.as("analyst"));
        assertThat(foreignEvidence.status()).isEqualTo(422);
        assertThat(api.post("/api/decisions/" + decisionId + "/evidence",
                "{\"feedbackIds\": [\"" + trigger + "\"], \"note\": \"Fridays\"}", Api.as("analyst")).status())
                .isEqualTo(200);

        Api.Response nothing = api.post("/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": 1, "changes": {"engagementLevel": "CONSULT"}, "rationale": "r"}""",
                Api.as("leader"));
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.json().get("errors").findValuesAsText("field")).containsExactly("changes");

        Api.Response past = api.post("/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": 1, "changes": {"reviewBy": "2001-01-01"}, "rationale": "r"}""",
                Api.as("leader"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(api.post("/api/indicators/" + indicatorId + "/measurements",
                "{\"value\": 3, \"at\": \"2026-01-15T16:00:00Z\", \"stakeholderGroup\": \"astronauts\"}",
                Api.as("analyst")).status()).isEqualTo(422);
    }

    @Test
    void ofConcurrentRevisionsOfOneVersionExactlyOneWins() throws Exception {
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> leaders = IntStream.range(0, 6)
                    .<Callable<Api.Response>>mapToObj(i -> () -> revise(1, "Revision " + i)).toList();
            List<Integer> statuses = pool.invokeAll(leaders).stream().map(DecisionsOverHttpTest::get)
                    .map(Api.Response::status).toList();
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(revise(2, "The next one").json().get("version").asInt()).isEqualTo(3);
    }

    private Api.Response revise(int expectedVersion, String expectedOutcome) {
        return api.post("/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": %d, "changes": {"expectedOutcome": %s}, "rationale": "What families said",
                 "triggeredBy": ["%s"]}""".formatted(expectedVersion, Loop.quote(expectedOutcome), trigger),
                Api.as("leader"));
    }

    private Api.Response outcome(String verdict) {
        return api.post("/api/decisions/" + decisionId + "/outcome",
                "{\"verdict\": \"" + verdict + "\", \"observed\": \"Waits fell to 14 minutes\"}", Api.as("analyst"));
    }

    private static Api.Response get(Future<Api.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
