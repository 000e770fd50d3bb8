package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write endpoint against malformed, incomplete, wrongly typed, oversized, unknown,
 * unauthenticated and unauthorized requests: each answers its status as problem+json, never a 5xx.
 */
@StandaloneTest
class BadInputTest {
    /** A write endpoint: its path (given an initiative and a feedback id), a valid body, who may call it. */
    record Endpoint(String name, Function<Ids, String> path, Function<Ids, String> body, String requiredField,
            String[] allowed, String[] refused, String enumField, String enumBody) {
        Endpoint(String name, Function<Ids, String> path, String body, String requiredField, String[] allowed,
                String[] refused, String enumField, String enumBody) {
            this(name, path, ids -> body, requiredField, allowed, refused, enumField, enumBody);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Ids(String initiative, String feedback, String decision, String indicator) {
    }

    static final Ids UNKNOWN = new Ids("no-such-initiative", "no-such-feedback", "no-such-decision",
            "no-such-indicator");

    static final String LAUNCH = """
            {"title": "t", "guidingQuestion": "q", "languages": ["en"],
             "stakeholderGroups": [{"code": "a", "name": "A", "role": "BENEFICIARY", "populationShare": 0.5}]}""";
    static final String SUBMIT = """
            {"text": "t", "channel": "WEB", "language": "en", "stakeholderGroup": "families"}""";
    static final String LEARNING = """
            {"title": "t", "whatWeHeard": "h", "whatWeDecided": "d", "whatWeLearned": "l", "whatsNext": "n",
             "feedbackIds": []}""";

    static final String OUTCOME = """
            {"verdict": "INCONCLUSIVE", "observed": "Waits are shorter on two routes of five", "note": "n"}""";

    static String proposal(Ids ids) {
        return """
                {"title": "Earlier afternoon buses", "hypothesis": "If buses leave 20 minutes earlier, fewer wait alone",
                 "expectedOutcome": "Waits under 10 minutes", "engagementLevel": "CONSULT", "reviewBy": "2099-06-01",
                 "indicators": [{"indicatorId": "%s", "baseline": 30, "target": 10}],
                 "evidence": ["%s"], "rationale": "Families told us"}""".formatted(ids.indicator(), ids.feedback());
    }

    static String revision(Ids ids) {
        return """
                {"expectedVersion": 1, "changes": {"expectedOutcome": "Waits under 5 minutes"},
                 "rationale": "A family corrected us", "triggeredBy": ["%s"]}""".formatted(ids.feedback());
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("launch initiative", ids -> "/api/initiatives", LAUNCH, "title",
                        Api.as("leader"), Api.as("facilitator"), "stakeholderGroups[0].role",
                        LAUNCH.replace("BENEFICIARY", "BYSTANDER")),
                new Endpoint("submit feedback", ids -> "/api/initiatives/" + ids.initiative() + "/feedback", SUBMIT,
                        "text", new String[0], null, "channel", SUBMIT.replace("WEB", "FAX")),
                new Endpoint("acknowledge", ids -> "/api/feedback/" + ids.feedback() + "/acknowledgement",
                        "{\"message\": \"m\"}", "message", Api.as("facilitator"), Api.as("analyst"), null, null),
                new Endpoint("summarize", ids -> "/api/feedback/" + ids.feedback() + "/understanding",
                        "{\"summary\": \"s\"}", "summary", Api.as("facilitator"), Api.as("leader"), null, null),
                new Endpoint("theme", ids -> "/api/feedback/" + ids.feedback() + "/themes",
                        "{\"themes\": [\"t\"]}", "themes", Api.as("analyst"), Api.as("leader"), null, null),
                new Endpoint("publish learning", ids -> "/api/initiatives/" + ids.initiative() + "/learnings",
                        LEARNING, "whatsNext", Api.as("leader"), Api.as("analyst"), null, null),
                new Endpoint("propose decision", ids -> "/api/initiatives/" + ids.initiative() + "/decisions",
                        BadInputTest::proposal, "hypothesis", Api.as("leader"), Api.as("analyst"),
                        "engagementLevel", proposal(UNKNOWN).replace("CONSULT", "SHOUT")),
                new Endpoint("revise decision", ids -> "/api/decisions/" + ids.decision() + "/revisions",
                        BadInputTest::revision, "rationale", Api.as("leader"), Api.as("facilitator"),
                        "changes.engagementLevel", revision(UNKNOWN).replace("\"expectedOutcome\": \"Waits under 5 minutes\"",
                                "\"engagementLevel\": \"SHOUT\"")),
                new Endpoint("link evidence", ids -> "/api/decisions/" + ids.decision() + "/evidence",
                        ids -> "{\"feedbackIds\": [\"" + ids.feedback() + "\"], \"note\": \"n\"}", "feedbackIds",
                        Api.as("analyst"), Api.as("facilitator"), null, null),
                new Endpoint("assess outcome", ids -> "/api/decisions/" + ids.decision() + "/outcome", OUTCOME,
                        "observed", Api.as("analyst"), Api.as("facilitator"), "verdict",
                        OUTCOME.replace("INCONCLUSIVE", "MAYBE")),
                new Endpoint("define indicator", ids -> "/api/initiatives/" + ids.initiative() + "/indicators",
                        "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}", "name",
                        Api.as("analyst"), Api.as("leader"), "direction",
                        "{\"name\": \"n\", \"unit\": \"u\", \"direction\": \"SIDEWAYS\"}"),
                new Endpoint("record measurement", ids -> "/api/indicators/" + ids.indicator() + "/measurements",
                        "{\"value\": 24.5, \"at\": \"2026-03-01T16:00:00Z\", \"stakeholderGroup\": \"families\"}",
                        "value", Api.as("analyst"), Api.as("leader"), "at",
                        "{\"value\": 1, \"at\": \"yesterday\"}"));
    }

    Api api;
    Ids ids;
    String receiptToken;

    @BeforeEach
    void anInitiativeWithOneFeedback() {
        Known known = known(api);
        ids = known.ids();
        receiptToken = known.receiptToken();
    }

    /** An initiative with one feedback (and that feedback's receipt token), an indicator and a decision. */
    record Known(Ids ids, String receiptToken) {
    }

    static Known known(Api api) {
        Loop loop = new Loop(api);
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, "something");
        String indicator = api.post("/api/initiatives/" + initiative + "/indicators",
                "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}", Api.as("analyst"))
                .json().get("indicatorId").asText();
        Ids known = new Ids(initiative, receipt.get("feedbackId").asText(), null, indicator);
        Api.Response decision = api.post("/api/initiatives/" + initiative + "/decisions", proposal(known),
                Api.as("leader"));
        assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        return new Known(new Ids(initiative, known.feedback(), decision.json().get("decisionId").asText(), indicator),
                receipt.get("receiptToken").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void malformedJsonIs400(Endpoint endpoint) {
        assertProblem(api.post(endpoint.path().apply(ids), "{\"title\": ", endpoint.allowed()), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aMissingFieldIs400NamingIt(Endpoint endpoint) throws Exception {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) Api.JSON.readTree(endpoint.body().apply(ids));
        body.remove(endpoint.requiredField());
        Api.Response response = api.post(endpoint.path().apply(ids), body.toString(), endpoint.allowed());
        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(endpoint.requiredField());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aWrongEnumIs400NamingTheField(Endpoint endpoint) {
        if (endpoint.enumField() == null) {
            return;
        }
        Api.Response response = api.post(endpoint.path().apply(ids), endpoint.enumBody(), endpoint.allowed());
        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(endpoint.enumField());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anOversizedBodyIs413(Endpoint endpoint) {
        String big = "{\"text\": \"" + "x".repeat(70_000) + "\"}";
        assertProblem(api.post(endpoint.path().apply(ids), big, endpoint.allowed()), 413);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aBodyThatIsNotJsonIs415(Endpoint endpoint) {
        assertProblem(api.postAs("text/plain", endpoint.path().apply(ids), "hello", endpoint.allowed()), 415);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anUnknownIdIs404(Endpoint endpoint) {
        String path = endpoint.path().apply(UNKNOWN);
        if (path.equals("/api/initiatives")) {
            return;
        }
        assertProblem(api.post(path, endpoint.body().apply(ids), endpoint.allowed()), 404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void staffEndpointsRefuseTheAnonymousWith401AndOtherRolesWith403(Endpoint endpoint) {
        if (endpoint.refused() == null) {
            return;
        }
        String body = endpoint.body().apply(ids);
        assertProblem(api.post(endpoint.path().apply(ids), body), 401);
        assertProblem(api.post(endpoint.path().apply(ids), body, endpoint.refused()), 403);
        assertProblem(api.post(endpoint.path().apply(ids), body, "Authorization", "Basic bGVhZGVyOndyb25n"), 401);
    }

    @Test
    void theParticipantsAnswerNeedsTheirOwnReceiptToken() {
        String path = "/api/feedback/" + ids.feedback() + "/understanding/response";
        assertProblem(api.post(path, "{\"confirmed\": true}"), 401);
        // without a token, the body is not even read: nobody learns what it should hold
        assertProblem(api.post(path, "{}"), 401);
        assertProblem(api.post(path, "not json"), 401);
        assertProblem(api.post(path, "{\"confirmed\": true}", "X-Receipt-Token", "AAAAAAAAAAAAAAAAAAAAAA"), 403);
        assertProblem(api.post(path, "{\"confirmed\": true}", "X-Receipt-Token", "not a token"), 403);
        assertProblem(api.post(path, "{\"confirmed\": ", "X-Receipt-Token", receiptToken), 400);
        assertProblem(api.post(path, "{}", "X-Receipt-Token", receiptToken), 400);
        assertProblem(api.post(path, "{\"confirmed\": \"perhaps\"}", "X-Receipt-Token", receiptToken), 400);
        // no such feedback answers as someone else's: a token must not tell which feedback exists
        assertProblem(api.post("/api/feedback/nope/understanding/response", "{\"confirmed\": true}",
                "X-Receipt-Token", receiptToken), 403);
        assertProblem(api.post(path, "{\"confirmed\": true}", "X-Receipt-Token", receiptToken), 409);
    }

    @Test
    void rulesOfTheDomainAre422NamingTheField() {
        Api.Response shares = api.post("/api/initiatives", LAUNCH.replace("0.5}]", "0.7}, "
                + "{\"code\": \"b\", \"name\": \"B\", \"role\": \"PROVIDER\", \"populationShare\": 0.4}]"),
                Api.as("leader"));
        assertProblem(shares, 422);
        assertThat(shares.json().get("errors").findValuesAsText("field")).containsExactly("stakeholderGroups");

        Api.Response group = api.post("/api/initiatives/" + ids.initiative() + "/feedback",
                SUBMIT.replace("families", "astronauts"));
        assertProblem(group, 422);
        assertThat(group.json().get("errors").findValuesAsText("field")).containsExactly("stakeholderGroup");

        Api.Response foreign = api.post("/api/initiatives/" + new Loop(api).launchInitiative() + "/learnings",
                LEARNING.replace("[]", "[\"" + ids.feedback() + "\"]"), Api.as("leader"));
        assertProblem(foreign, 422);
    }

    @Test
    void fieldsOutOfBoundsAre400AndValuesOverTheirCapsAre422() {
        assertProblem(api.post("/api/initiatives", LAUNCH.replace("0.5", "1.5"), Api.as("leader")), 400);
        assertProblem(api.post("/api/initiatives", LAUNCH.replace("[\"en\"]", "[\"English!\"]"),
                Api.as("leader")), 400);
        assertProblem(api.post("/api/initiatives/" + ids.initiative() + "/feedback",
                SUBMIT.replace("\"t\"", "\"" + "x".repeat(20_001) + "\"")), 422);
        assertProblem(api.post("/api/feedback/" + ids.feedback() + "/themes",
                "{\"themes\": " + List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
                        "o", "p", "q", "r", "s", "t", "u").stream().map(Loop::quote).toList() + "}",
                Api.as("analyst")), 422);
        assertProblem(api.post("/api/initiatives/" + ids.initiative() + "/feedback", SUBMIT,
                "Idempotency-Key", "key with spaces"), 400);
    }

    @Test
    void listsAndTextsBeyondTheirCapsAre422NamingTheField() {
        String ids1001 = ids(1_001);
        String longId = Loop.quote("f".repeat(65));
        record Case(String path, String body, String[] who, String field) {
        }
        List<Case> cases = List.of(
                new Case("/api/feedback/" + ids.feedback() + "/themes",
                        "{\"themes\": [" + Loop.quote("t".repeat(61)) + "]}", Api.as("analyst"), "themes[0]"),
                new Case("/api/initiatives/" + ids.initiative() + "/decisions",
                        proposal(ids).replace("[\"" + ids.feedback() + "\"]", ids1001), Api.as("leader"), "evidence"),
                new Case("/api/initiatives/" + ids.initiative() + "/decisions",
                        proposal(ids).replace("\"" + ids.feedback() + "\"", longId), Api.as("leader"), "evidence[0]"),
                new Case("/api/decisions/" + ids.decision() + "/revisions",
                        revision(ids).replace("[\"" + ids.feedback() + "\"]", ids1001), Api.as("leader"), "triggeredBy"),
                new Case("/api/decisions/" + ids.decision() + "/evidence",
                        "{\"feedbackIds\": " + ids1001 + "}", Api.as("analyst"), "feedbackIds"),
                new Case("/api/initiatives/" + ids.initiative() + "/learnings",
                        LEARNING.replace("[]", ids1001), Api.as("leader"), "feedbackIds"),
                new Case("/api/initiatives/" + ids.initiative() + "/learnings",
                        LEARNING.replace("\"feedbackIds\": []", "\"feedbackIds\": [], \"decisionIds\": " + ids(101)),
                        Api.as("leader"), "decisionIds"),
                new Case("/api/initiatives/" + ids.initiative() + "/learnings",
                        LEARNING.replace("\"title\": \"t\"", "\"title\": " + Loop.quote("t".repeat(201))),
                        Api.as("leader"), "title"),
                new Case("/api/initiatives", LAUNCH.replace("\"title\": \"t\"",
                        "\"title\": " + Loop.quote("t".repeat(201))), Api.as("leader"), "title"),
                new Case("/api/initiatives/" + ids.initiative() + "/feedback",
                        SUBMIT.replace("\"families\"", "\"families\", \"contact\": " + Loop.quote("c".repeat(321))),
                        new String[0], "contact"),
                new Case("/api/feedback/" + ids.feedback() + "/acknowledgement",
                        "{\"message\": " + Loop.quote("m".repeat(5_001)) + "}", Api.as("facilitator"), "message"),
                new Case("/api/feedback/" + ids.feedback() + "/understanding",
                        "{\"summary\": " + Loop.quote("s".repeat(10_001)) + "}", Api.as("facilitator"), "summary"),
                new Case("/api/feedback/" + ids.feedback() + "/understanding/response",
                        "{\"confirmed\": false, \"correction\": " + Loop.quote("c".repeat(10_001)) + "}",
                        new String[] {"X-Receipt-Token", receiptToken}, "correction"),
                new Case("/api/initiatives/" + ids.initiative() + "/feedback",
                        SUBMIT.replace("\"en\"", Loop.quote(LONG_LANGUAGE_TAG)), new String[0], "language"),
                new Case("/api/initiatives",
                        LAUNCH.replace("[\"en\"]", "[\"en\", " + Loop.quote(LONG_LANGUAGE_TAG) + "]"),
                        Api.as("leader"), "languages[1]"),
                new Case("/api/initiatives", LAUNCH.replace("0.5}]", "0.5}, " + java.util.stream.IntStream.range(0, 30)
                        .mapToObj(i -> "{\"code\": \"g" + i + "\", \"name\": \"G\", \"role\": \"COMMUNITY\", "
                                + "\"populationShare\": 0}").collect(java.util.stream.Collectors.joining(", ")) + "]"),
                        Api.as("leader"), "stakeholderGroups"));
        for (Case bad : cases) {
            Api.Response response = api.post(bad.path(), bad.body(), bad.who());
            assertProblem(response, 422);
            assertThat(response.json().get("errors").findValuesAsText("field")).as(bad.path())
                    .containsExactly(bad.field());
        }
    }

    @Test
    void aNameOrThemeOnTwoLinesIs400NamingTheField() {
        Api.Response theme = api.post("/api/feedback/" + ids.feedback() + "/themes", "{\"themes\": [\"two\\nlines\"]}",
                Api.as("analyst"));
        Api.Response group = api.post("/api/initiatives",
                LAUNCH.replace("\"name\": \"A\"", "\"name\": \"two\\nlines\""), Api.as("leader"));

        assertProblem(theme, 400);
        assertThat(theme.json().get("errors").findValuesAsText("field")).containsExactly("themes[0]");
        assertProblem(group, 400);
        assertThat(group.json().get("errors").findValuesAsText("field")).containsExactly("stakeholderGroups[0].name");
    }

    /** The tag of the security review: one anonymous submission with it stopped the receipts and the inboxes. */
    static final String LONG_LANGUAGE_TAG = "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee";

    @Test
    void themesPiledUpOverManyPostsBeyondWhatAFeedbackHoldsAre422NamingThem() {
        String path = "/api/feedback/" + ids.feedback() + "/themes";
        Api.Response first = api.post(path, themes("a", 20), Api.as("analyst"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Api.Response more = api.post(path, themes("b", 20), Api.as("analyst"));
        assertProblem(more, 422);
        assertThat(more.json().get("errors").findValuesAsText("field")).containsExactly("themes");
    }

    /** A themes body of that many distinct themes of sixty characters. */
    private static String themes(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Loop.quote((prefix + i + "-").repeat(30).substring(0, 60)))
                .collect(java.util.stream.Collectors.joining(",", "{\"themes\": [", "]}"));
    }

    /** A JSON array of that many distinct ids. */
    private static String ids(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "\"f" + i + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void readsAnswerProblemsToo() {
        assertProblem(api.get("/api/initiatives/nope"), 404);
        assertProblem(api.get("/api/initiatives/nope/learnings"), 404);
        assertProblem(api.get("/api/receipts/me"), 401);
        assertProblem(api.get("/api/receipts/me", "X-Receipt-Token", "AAAAAAAAAAAAAAAAAAAAAA"), 401);
        String inbox = "/api/initiatives/" + ids.initiative() + "/feedback";
        assertProblem(api.get(inbox), 401);
        assertProblem(api.get(inbox, Api.as("leader")), 403);
        assertProblem(api.get("/api/initiatives/nope/feedback", Api.as("facilitator")), 404);
        assertProblem(api.get(inbox + "?status=LOST", Api.as("facilitator")), 400);
        assertProblem(api.get(inbox + "?size=1000", Api.as("facilitator")), 400);
        assertProblem(api.get(inbox + "?overdue=perhaps", Api.as("facilitator")), 400);
    }

    /** A page so far on that its first row is past what the database can count to is a bad parameter, not a 500. */
    @Test
    void pagesOutOfRangeAnswerProblemsNamingTheParameter() {
        String inbox = "/api/initiatives/" + ids.initiative() + "/feedback";
        for (String query : List.of("page=2147483647", "page=2147483647&size=100", "page=21474837", "page=-1",
                "page=99999999999", "size=0", "size=2147483647", "size=-2147483648")) {
            Api.Response response = api.get(inbox + "?" + query, Api.as("facilitator"));
            assertProblem(response, 400);
            assertThat(response.json().get("errors").findValuesAsText("field")).as(query)
                    .containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(api.get(inbox + "?page=1000000&size=100", Api.as("facilitator")).json().get("items")).isEmpty();
    }

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
    }
}
