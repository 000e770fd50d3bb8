package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public reads of decisions and indicators, by an anonymous caller over HTTP: a decision now,
 * as it stood at any instant, its history; an initiative's decisions and indicators; and bad input
 * on each, answered as problem+json. One decision's story serves every test; none changes the decision.
 */
@StandaloneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionReadsTest {
    Api api;
    DecisionStory story;

    @BeforeAll
    void aDecisionRevisedTwice() {
        story = new DecisionStory(api, "Earlier afternoon buses");
        story.awaitWholeHistory();
    }

    @Test
    void theDecisionAnswersAsItStandsAndAsItStoodBeforeBetweenAndAfterItsRevisions() {
        JsonNode now = ok(api.get("/api/decisions/" + story.decisionId));
        assertThat(now.get("decisionId").asText()).isEqualTo(story.decisionId);
        assertThat(now.get("initiativeId").asText()).isEqualTo(story.initiativeId);
        assertThat(now.get("title").asText()).isEqualTo("Earlier afternoon buses");
        assertThat(now.get("version").asInt()).isEqualTo(3);
        assertThat(now.get("hypothesis").asText()).isEqualTo(DecisionStory.SECOND_HYPOTHESIS);
        assertThat(now.get("expectedOutcome").asText()).isEqualTo("Waits under 10 minutes");
        assertThat(now.get("engagementLevel").asText()).isEqualTo("COLLABORATE");
        assertThat(now.get("reviewBy").asText()).isEqualTo("2099-09-01");
        assertThat(now.get("indicators").get(0).get("target").asDouble()).isEqualTo(12.5);
        assertThat(texts(now.get("evidence"))).containsExactly(story.evidence, story.linked);
        assertThat(texts(now.get("affectedGroups"))).containsExactly("families");
        assertThat(now.get("outcome").get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(now.get("outcome").get("version").asInt()).isEqualTo(2);
        assertThat(now.has("reviewDue")).isFalse();
        assertThat(Instant.parse(now.get("proposedAt").asText())).isBetween(story.beforeProposal, story.afterProposal);
        assertThat(Instant.parse(now.get("revisedAt").asText()))
                .isBetween(story.afterOutcome, story.afterSecondRevision);

        assertProblem(api.get(asOf(story.beforeProposal)), 404);

        JsonNode proposed = ok(api.get(asOf(story.afterProposal)));
        assertThat(proposed.get("version").asInt()).isEqualTo(1);
        assertThat(proposed.get("hypothesis").asText()).isEqualTo(DecisionStory.FIRST_HYPOTHESIS);
        assertThat(proposed.get("engagementLevel").asText()).isEqualTo("CONSULT");
        assertThat(texts(proposed.get("evidence"))).containsExactly(story.evidence);
        assertThat(proposed.has("outcome")).isFalse();
        assertThat(proposed.get("revisedAt").isNull()).isTrue();

        JsonNode revised = ok(api.get(asOf(story.afterFirstRevision)));
        assertThat(revised.get("version").asInt()).isEqualTo(2);
        assertThat(revised.get("hypothesis").asText()).isEqualTo(DecisionStory.SECOND_HYPOTHESIS);
        assertThat(revised.get("reviewBy").asText()).isEqualTo("2099-06-01");
        assertThat(texts(revised.get("evidence"))).containsExactly(story.evidence);

        JsonNode withMoreEvidence = ok(api.get(asOf(story.afterLink)));
        assertThat(withMoreEvidence.get("version").asInt()).isEqualTo(2);
        assertThat(texts(withMoreEvidence.get("evidence"))).containsExactly(story.evidence, story.linked);
        assertThat(withMoreEvidence.has("outcome")).isFalse();

        JsonNode assessed = ok(api.get(asOf(story.afterOutcome)));
        assertThat(assessed.get("version").asInt()).isEqualTo(2);
        assertThat(assessed.get("outcome").get("observed").asText()).isEqualTo("Waits fell to 14 minutes");
        assertThat(assessed.get("outcome").get("author").asText()).isEqualTo("analyst");

        assertThat(ok(api.get(asOf(story.afterSecondRevision)))).isEqualTo(now);
        assertThat(ok(api.get("/api/decisions/" + story.decisionId + "?asOf="
                + story.afterProposal.atOffset(java.time.ZoneOffset.ofHours(-5)).toString().replace("+", "%2B"))))
                .as("an instant with an offset").isEqualTo(proposed);
    }

    @Test
    void theHistoryTellsWhatChangedWhyAndOnWhoseWordWithoutTheirWordsOrContact() {
        Api.Response response = api.get("/api/decisions/" + story.decisionId + "/history");
        JsonNode history = ok(response);

        assertThat(history.get("title").asText()).isEqualTo("Earlier afternoon buses");
        assertThat(history.get("version").asInt()).isEqualTo(3);
        JsonNode steps = history.get("steps");
        assertThat(steps.findValuesAsText("step")).containsExactly(
                "PROPOSED", "REVISED", "EVIDENCE_LINKED", "OUTCOME_ASSESSED", "REVISED");
        assertThat(steps.findValuesAsText("author")).containsExactly("leader", "leader", "analyst", "analyst", "leader");
        JsonNode first = steps.get(1);
        assertThat(first.get("version").asInt()).isEqualTo(2);
        assertThat(first.get("rationale").asText()).startsWith("Families said Fridays are the worst");
        assertThat(first.get("changes").findValuesAsText("field")).containsExactly("hypothesis", "engagementLevel");
        assertThat(first.get("changes").get(0).get("from").asText()).isEqualTo(DecisionStory.FIRST_HYPOTHESIS);
        assertThat(first.get("changes").get(0).get("to").asText()).isEqualTo(DecisionStory.SECOND_HYPOTHESIS);
        assertThat(first.get("changes").get(1).get("to").asText()).isEqualTo("COLLABORATE");
        assertThat(first.get("triggeredBy").get(0).get("feedbackId").asText()).isEqualTo(story.trigger);
        assertThat(texts(first.get("triggeredBy").get(0).get("themes"))).containsExactly("fridays", "transport");
        assertThat(first.get("decision").get("engagementLevel").asText()).isEqualTo("COLLABORATE");
        assertThat(Instant.parse(first.get("at").asText())).isBetween(story.afterProposal, story.afterFirstRevision);
        assertThat(steps.get(2).get("evidence").get(0).get("feedbackId").asText()).isEqualTo(story.linked);
        assertThat(steps.get(2).get("note").asText()).isEqualTo("Heard at the May meeting");
        assertThat(steps.get(3).get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(steps.get(4).get("changes").findValuesAsText("field")).containsExactly("reviewBy", "indicators");

        assertThat(response.body()).doesNotContain("The afternoon bus is late", "It is worse on Fridays",
                "My son waits", "555 0100", "contact", "receipt");
    }

    @Test
    void anInitiativeListsItsDecisionsAndItsIndicatorSeries() {
        String initiative = "/api/initiatives/" + story.initiativeId;
        JsonNode decisions = ok(api.get(initiative + "/decisions"));
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("decisionId").asText()).isEqualTo(story.decisionId);
        assertThat(decisions.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(decisions.get(0).get("evidenceCount").asInt()).isEqualTo(2);
        assertThat(decisions.get(0).get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        String quiet = "/api/initiatives/" + new Loop(api).launchInitiative();
        JsonNode none = eventually()
                .until(() -> api.get(quiet + "/decisions"), listed -> listed.status() == 200).json();
        assertThat(none).isEmpty();
        assertThat(ok(api.get(quiet + "/indicators"))).isEmpty();

        for (String measurement : List.of(
                "{\"value\": 31, \"at\": \"2026-01-15T16:00:00Z\", \"stakeholderGroup\": \"families\"}",
                "{\"value\": 35.5, \"at\": \"2026-01-01T16:00:00Z\"}",
                "{\"value\": 14, \"at\": \"2026-05-15T16:00:00Z\", \"stakeholderGroup\": \"families\"}")) {
            assertThat(api.post("/api/indicators/" + story.indicatorId + "/measurements", measurement,
                    Api.as("analyst")).status()).isEqualTo(200);
        }
        JsonNode series = eventually()
                .until(() -> ok(api.get("/api/indicators/" + story.indicatorId)),
                        indicator -> indicator.get("measurements").size() == 3);
        assertThat(series.get("name").asText()).isEqualTo("Minutes waiting");
        assertThat(series.get("unit").asText()).isEqualTo("min");
        assertThat(series.get("direction").asText()).isEqualTo("DOWN");
        assertThat(series.get("measurements").findValuesAsText("measuredAt")).containsExactly(
                "2026-01-01T16:00:00Z", "2026-01-15T16:00:00Z", "2026-05-15T16:00:00Z");
        assertThat(series.get("measurements").get(0).get("value").asDouble()).isEqualTo(35.5);
        assertThat(series.get("measurements").get(0).has("stakeholderGroup")).isFalse();
        assertThat(series.get("measurements").get(1).get("stakeholderGroup").asText()).isEqualTo("families");

        JsonNode indicators = ok(api.get(initiative + "/indicators"));
        assertThat(indicators.findValuesAsText("indicatorId")).containsExactly(story.indicatorId);
        assertThat(indicators.get(0)).isEqualTo(series);
    }

    @Test
    void participantsSeeTheDecisionsTheirFeedbackInformedOrChanged() {
        JsonNode evidenceFeed = eventually()
                .until(() -> ok(api.get("/api/receipts/me", "X-Receipt-Token", story.evidenceToken)),
                        feed -> Loop.steps(feed).contains("DECISION_REVISED"));
        assertThat(Loop.steps(evidenceFeed)).containsExactly("SUBMITTED", "DECISION_INFORMED", "DECISION_REVISED");
        JsonNode informed = evidenceFeed.get("timeline").get(1);
        assertThat(informed.get("decisionId").asText()).isEqualTo(story.decisionId);
        assertThat(informed.get("decisionTitle").asText()).isEqualTo("Earlier afternoon buses");
        assertThat(informed.get("decisionVersion").asInt()).isEqualTo(1);
        JsonNode revised = evidenceFeed.get("timeline").get(2);
        assertThat(revised.get("decisionVersion").asInt()).isEqualTo(3);
        assertThat(revised.get("text").asText()).isEqualTo("Count through the summer");

        JsonNode triggerFeed = eventually()
                .until(() -> ok(api.get("/api/receipts/me", "X-Receipt-Token", story.triggerToken)),
                        feed -> Loop.steps(feed).contains("DECISION_REVISED"));
        assertThat(Loop.steps(triggerFeed)).containsExactly("SUBMITTED", "THEMED", "DECISION_REVISED");
        assertThat(triggerFeed.get("timeline").get(2).get("decisionVersion").asInt()).isEqualTo(2);
        assertThat(triggerFeed.get("timeline").get(2).get("decisionTitle").asText())
                .isEqualTo("Earlier afternoon buses");
    }

    @Test
    void unknownIdsAre404() {
        for (String path : List.of("/api/decisions/nope", "/api/decisions/nope?asOf=2026-03-01T09:00:00Z",
                "/api/decisions/nope/history", "/api/initiatives/nope/decisions", "/api/initiatives/nope/indicators",
                "/api/indicators/nope", "/api/indicators/" + story.decisionId, "/api/decisions/" + story.indicatorId)) {
            assertProblem(api.get(path), 404);
        }
        assertProblem(api.get(asOf(Instant.parse("2000-01-01T00:00:00Z"))), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-03-01", "2026-13-01T09:00:00Z", "2026-03-01T09:00:00",
            "1772355600", "", "%20", "2026-03-01T09:00:00Z%20"})
    void aMalformedAsOfIs400NamingIt(String asOf) {
        for (String decision : List.of(story.decisionId, "nope")) {
            Api.Response response = api.get("/api/decisions/" + decision + "?asOf=" + asOf);
            assertProblem(response, 400);
            assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("asOf");
        }
    }

    @Test
    void readsNeedNoSignInAndIgnoreOne() {
        assertThat(api.get("/api/decisions/" + story.decisionId).status()).isEqualTo(200);
        assertThat(api.get("/api/decisions/" + story.decisionId, Api.as("leader")).status()).isEqualTo(200);
        assertThat(api.get("/api/decisions/" + story.decisionId + "/history", Api.as("facilitator")).status())
                .isEqualTo(200);
    }

    private String asOf(Instant instant) {
        return "/api/decisions/" + story.decisionId + "?asOf=" + instant;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
    }
}
