package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every staff action, taken over HTTP by a named demo user, is attributed to that user: in the
 * {@code actor} of each event it stored, and in the reads that tell the history of what it changed
 * (the initiative, the facilitator's inbox and console, the decision's history, the indicator's
 * series, the learning feed). The participant's own receipt names no member of staff.
 */
@StandaloneTest
class AuditTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    Api api;
    @Autowired
    EventStore events;

    /** What the staff changed: an initiative, two pieces of feedback, a decision, an indicator, a learning. */
    record Story(String initiative, String byApi, String byForms, String receipt, String decision,
            String indicator, String learning) {
    }

    @Test
    void everyStaffActionNamesItsUserInItsEventsAndInTheHistoryOfWhatItChanged() {
        Story story = everyStaffAction(api);

        Map<String, List<String>> actors = new TreeMap<>();
        for (String aggregate : List.of(story.initiative(), story.byApi(), story.byForms(), story.decision(),
                story.indicator(), story.learning())) {
            events.readEvents(aggregate).asStream().forEach(event -> actors
                    .computeIfAbsent(event.getPayloadType().getSimpleName(), type -> new ArrayList<>())
                    .add(actor(event.getPayload())));
        }
        assertThat(actors).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("InitiativeLaunched", List.of("admin")),
                // the feedback form is the participant's, whatever credentials the browser sends with it
                Map.entry("FeedbackSubmitted", List.of("facilitator", "participant")),
                Map.entry("FeedbackAcknowledged", List.of("facilitator", "facilitator")),
                Map.entry("UnderstandingSummarized", List.of("facilitator", "facilitator")),
                Map.entry("FeedbackThemed", List.of("analyst", "facilitator")),
                Map.entry("FeedbackLoopClosed", List.of("facilitator", "facilitator")),
                Map.entry("DecisionProposed", List.of("leader")),
                Map.entry("DecisionRevised", List.of("leader")),
                Map.entry("DecisionEvidenceLinked", List.of("analyst")),
                Map.entry("DecisionOutcomeAssessed", List.of("analyst")),
                Map.entry("IndicatorDefined", List.of("analyst")),
                Map.entry("MeasurementRecorded", List.of("analyst")),
                Map.entry("LearningPublished", List.of("facilitator"))));

        assertThat(api.get("/api/initiatives/" + story.initiative()).json().path("launchedBy").asText())
                .isEqualTo("admin");

        JsonNode history = api.get("/api/decisions/" + story.decision() + "/history").json();
        assertThat(history.get("steps").findValuesAsText("step"))
                .containsExactly("PROPOSED", "REVISED", "EVIDENCE_LINKED", "OUTCOME_ASSESSED");
        assertThat(history.get("steps").findValuesAsText("author")).containsExactly("leader", "leader", "analyst",
                "analyst");
        assertThat(api.get("/api/decisions/" + story.decision()).json().at("/outcome/author").asText())
                .isEqualTo("analyst");
        assertThat(api.get("/decisions/" + story.decision()).body()).contains("Recorded by leader",
                "Recorded by analyst");

        JsonNode indicator = api.get("/api/indicators/" + story.indicator()).json();
        assertThat(indicator.path("definedBy").asText()).isEqualTo("analyst");
        assertThat(indicator.get("measurements").findValuesAsText("recordedBy")).containsExactly("analyst");

        JsonNode learning = api.get("/api/initiatives/" + story.initiative() + "/learnings").json().get(0);
        assertThat(learning.get("learningId").asText()).isEqualTo(story.learning());
        assertThat(learning.path("publishedBy").asText()).isEqualTo("facilitator");

        JsonNode inbox = api.get("/api/initiatives/" + story.initiative() + "/feedback", Api.as("analyst")).json();
        assertThat(attribution(inbox, story.byApi())).isEqualTo("facilitator facilitator facilitator [\"analyst\"]");
        assertThat(attribution(inbox, story.byForms()))
                .isEqualTo("participant facilitator facilitator [\"facilitator\"]");
        String console = api.get("/staff/i/" + story.initiative(), Api.as("analyst")).body();
        assertThat(console).contains("Recorded by", "Acknowledged by", "Summary by", "Themes by",
                "<dd class=\"by\">facilitator</dd>", "<dd class=\"by\">analyst</dd>");

        // the participant's own feed and page tell what was done, not which member of staff did it
        JsonNode feed = api.get("/api/receipts/me", "X-Receipt-Token", story.receipt()).json();
        assertThat(feed.get("status").asText()).isEqualTo("LOOP_CLOSED");
        assertThat(feed.toString()).doesNotContain("\"facilitator\"", "\"analyst\"", "\"leader\"", "\"admin\"");
        assertThat(api.get("/r/" + story.receipt()).body()).contains("words")
                .doesNotContain("class=\"by\"", ">facilitator<", ">analyst<", ">leader<", ">admin<");
    }

    /**
     * An initiative launched by admin; two pieces of feedback, one a facilitator recorded on behalf of
     * a participant through the API, one sent through the feedback form by a browser that also carries
     * the facilitator's credentials (so a participant's, as the form is theirs), each acknowledged,
     * summarized and themed (by the API as analyst, by the console's forms as facilitator); a decision
     * a leader proposed and revised, whose evidence and outcome an analyst added; an indicator an
     * analyst defined and measured; a learning a facilitator published, closing both loops.
     */
    private Story everyStaffAction(Api api) {
        String initiative = api.post("/api/initiatives", BadInputTest.LAUNCH, Api.as("admin")).json()
                .get("initiativeId").asText();
        eventually().until(() -> api.get("/i/" + initiative).status() == 200);
        JsonNode recorded = ok(api.post("/api/initiatives/" + initiative + "/feedback",
                BadInputTest.SUBMIT.replace("WEB", "MEETING").replace("families", "a"), Api.as("facilitator")));
        String byApi = recorded.get("feedbackId").asText();
        String[] facilitator = Api.as("facilitator");
        ok(api.post("/api/feedback/" + byApi + "/acknowledgement", "{\"message\": \"Thank you\"}", facilitator));
        ok(api.post("/api/feedback/" + byApi + "/understanding", "{\"summary\": \"The bus\"}", facilitator));
        ok(api.post("/api/feedback/" + byApi + "/themes", "{\"themes\": [\"transport\"]}", Api.as("analyst")));

        String[] staffForm = Api.headers(facilitator, new String[] {"Origin", "http://localhost:" + port});
        String formPage = api.get("/i/" + initiative).body();
        String submittedForm = api.postAs(FORM, "/i/" + initiative + "/feedback", FormPage.body("text", "The gate",
                "language", "en", "stakeholderGroup", "a", "formToken", FormPage.token(formPage)), staffForm)
                .headers().firstValue("Location").orElseThrow();
        assertThat(submittedForm).contains("submitted=true");
        String console = "/staff/i/" + initiative;
        String byForms = eventually().until(() -> api.get("/api/initiatives/"
                + initiative + "/feedback", facilitator).json().get("items").findValuesAsText("feedbackId").stream()
                .filter(id -> !id.equals(byApi)).findFirst().orElse(null), id -> id != null);
        eventually()
                .until(() -> api.get(console, facilitator).body(), page -> page.contains(byForms));
        for (String[] step : List.of(new String[] {"acknowledgement", "message", "Thank you"},
                new String[] {"understanding", "summary", "The gate opens late"},
                new String[] {"themes", "themes", "safety"})) {
            // the console page again before each post, as the facilitator is sent back to it: one post per token
            String staffToken = FormPage.token(api.get(console, facilitator).body());
            String location = api.postAs(FORM, "/staff/feedback/" + byForms + "/" + step[0], FormPage.body(step[1],
                    step[2], "returnTo", console, "formToken", staffToken), staffForm)
                    .headers().firstValue("Location").orElseThrow();
            assertThat(location).as(step[0]).contains("done=");
        }

        String indicator = ok(api.post("/api/initiatives/" + initiative + "/indicators",
                "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}", Api.as("analyst")))
                .get("indicatorId").asText();
        ok(api.post("/api/indicators/" + indicator + "/measurements",
                "{\"value\": 24.5, \"at\": \"2026-03-01T16:00:00Z\"}", Api.as("analyst")));
        BadInputTest.Ids ids = new BadInputTest.Ids(initiative, byApi, null, indicator);
        String decision = ok(api.post("/api/initiatives/" + initiative + "/decisions", BadInputTest.proposal(ids),
                Api.as("leader"))).get("decisionId").asText();
        ok(api.post("/api/decisions/" + decision + "/revisions", BadInputTest.revision(ids), Api.as("leader")));
        ok(api.post("/api/decisions/" + decision + "/evidence",
                "{\"feedbackIds\": [\"" + byForms + "\"], \"note\": \"n\"}", Api.as("analyst")));
        ok(api.post("/api/decisions/" + decision + "/outcome", BadInputTest.OUTCOME, Api.as("analyst")));
        String learning = ok(api.post("/api/initiatives/" + initiative + "/learnings", BadInputTest.LEARNING
                .replace("\"feedbackIds\": []", "\"feedbackIds\": [\"" + byApi + "\", \"" + byForms + "\"]"),
                facilitator)).get("learningId").asText();

        String receipt = recorded.get("receiptToken").asText();
        new Loop(api).awaitFeed(receipt, "LOOP_CLOSED");
        eventually().until(() -> {
            JsonNode items = api.get("/api/initiatives/" + initiative + "/feedback", facilitator).json().get("items");
            return items.findValuesAsText("status").equals(List.of("LOOP_CLOSED", "LOOP_CLOSED"))
                    && api.get("/api/decisions/" + decision + "/history").json().get("steps").size() == 4
                    && api.get("/api/indicators/" + indicator).json().get("measurements").size() == 1
                    && api.get("/api/initiatives/" + initiative + "/learnings").json().size() == 1;
        });
        return new Story(initiative, byApi, byForms, receipt, decision, indicator, learning);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    /** Who recorded, acknowledged, summarized and themed one piece of feedback, as the inbox tells it. */
    private static String attribution(JsonNode inbox, String feedbackId) {
        for (JsonNode item : inbox.get("items")) {
            if (item.get("feedbackId").asText().equals(feedbackId)) {
                return String.join(" ", item.path("submittedBy").asText(), item.path("acknowledgedBy").asText(),
                        item.path("summarizedBy").asText(), item.path("themedBy").toString());
            }
        }
        throw new AssertionError("the inbox has no " + feedbackId + ": " + inbox);
    }

    /** The {@code actor} every event carries. */
    private static String actor(Object payload) {
        try {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("actor")) {
                    return (String) component.getAccessor().invoke(payload);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(payload.getClass().getSimpleName() + " names no actor");
    }
}
