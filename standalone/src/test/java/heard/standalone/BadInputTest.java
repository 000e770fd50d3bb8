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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every write endpoint against malformed, incomplete, wrongly typed, oversized, unknown,
 * unauthenticated and unauthorized requests: each answers its status as problem+json, never a 5xx.
 */
@StandaloneTest
class BadInputTest {
    /** A write endpoint: its path (given an initiative and a feedback id), a valid body, who may call it. */
    record Endpoint(String name, Function<Ids, String> path, String validBody, String requiredField,
            String[] allowed, String[] refused, String enumField, String enumBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Ids(String initiative, String feedback) {
    }

    static final String LAUNCH = """
            {"title": "t", "guidingQuestion": "q", "languages": ["en"],
             "stakeholderGroups": [{"code": "a", "name": "A", "role": "BENEFICIARY", "populationShare": 0.5}]}""";
    static final String SUBMIT = """
            {"text": "t", "channel": "WEB", "language": "en", "stakeholderGroup": "families"}""";
    static final String LEARNING = """
            {"title": "t", "whatWeHeard": "h", "whatWeDecided": "d", "whatWeLearned": "l", "whatsNext": "n",
             "feedbackIds": []}""";

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
                        LEARNING, "whatsNext", Api.as("leader"), Api.as("analyst"), null, null));
    }

    @LocalServerPort
    int port;
    Api api;
    Ids ids;
    String receiptToken;

    @BeforeEach
    void anInitiativeWithOneFeedback() {
        api = new Api(port);
        Loop loop = new Loop(api);
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, "something");
        ids = new Ids(initiative, receipt.get("feedbackId").asText());
        receiptToken = receipt.get("receiptToken").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void malformedJsonIs400(Endpoint endpoint) {
        assertProblem(api.post(endpoint.path().apply(ids), "{\"title\": ", endpoint.allowed()), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aMissingFieldIs400NamingIt(Endpoint endpoint) throws Exception {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) Api.JSON.readTree(endpoint.validBody());
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
        String path = endpoint.path().apply(new Ids("no-such-initiative", "no-such-feedback"));
        if (path.equals("/api/initiatives")) {
            return;
        }
        assertProblem(api.post(path, endpoint.validBody(), endpoint.allowed()), 404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void staffEndpointsRefuseTheAnonymousWith401AndOtherRolesWith403(Endpoint endpoint) {
        if (endpoint.refused() == null) {
            return;
        }
        assertProblem(api.post(endpoint.path().apply(ids), endpoint.validBody()), 401);
        assertProblem(api.post(endpoint.path().apply(ids), endpoint.validBody(), endpoint.refused()), 403);
        assertProblem(api.post(endpoint.path().apply(ids), endpoint.validBody(),
                "Authorization", "Basic bGVhZGVyOndyb25n"), 401);
    }

    @Test
    void theParticipantsAnswerNeedsTheirOwnReceiptToken() {
        String path = "/api/feedback/" + ids.feedback() + "/understanding/response";
        assertProblem(api.post(path, "{\"confirmed\": true}"), 401);
        assertProblem(api.post(path, "{\"confirmed\": true}", "X-Receipt-Token", "AAAAAAAAAAAAAAAAAAAAAA"), 403);
        assertProblem(api.post(path, "{\"confirmed\": true}", "X-Receipt-Token", "not a token"), 403);
        assertProblem(api.post(path, "{\"confirmed\": ", "X-Receipt-Token", receiptToken), 400);
        assertProblem(api.post(path, "{}", "X-Receipt-Token", receiptToken), 400);
        assertProblem(api.post(path, "{\"confirmed\": \"perhaps\"}", "X-Receipt-Token", receiptToken), 400);
        assertProblem(api.post("/api/feedback/nope/understanding/response", "{\"confirmed\": true}",
                "X-Receipt-Token", receiptToken), 404);
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
    void fieldsOutOfBoundsAre400() {
        assertProblem(api.post("/api/initiatives", LAUNCH.replace("0.5", "1.5"), Api.as("leader")), 400);
        assertProblem(api.post("/api/initiatives", LAUNCH.replace("[\"en\"]", "[\"English!\"]"),
                Api.as("leader")), 400);
        assertProblem(api.post("/api/initiatives/" + ids.initiative() + "/feedback",
                SUBMIT.replace("\"t\"", "\"" + "x".repeat(20_001) + "\"")), 400);
        assertProblem(api.post("/api/feedback/" + ids.feedback() + "/themes",
                "{\"themes\": " + List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
                        "o", "p", "q", "r", "s", "t", "u").stream().map(Loop::quote).toList() + "}",
                Api.as("analyst")), 400);
        assertProblem(api.post("/api/initiatives/" + ids.initiative() + "/feedback", SUBMIT,
                "Idempotency-Key", "key with spaces"), 400);
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

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
    }
}
