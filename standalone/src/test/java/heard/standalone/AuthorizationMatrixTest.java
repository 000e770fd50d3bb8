package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.forms.FormTokens;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the app × every kind of caller: anonymous, a participant holding a receipt
 * token, and each staff role. Allowed callers get through (a success, a redirect, or 409 when an
 * earlier caller already took the step); the others get 401 (not signed in, or no receipt token
 * where one is needed) or 403 (the wrong role). The rows share one initiative, feedback and decision.
 * Forms are posted with their page's token, so what decides is the caller, not a missing token. Staff
 * callers come each way in: HTTP Basic, and the session of the sign-in page (bearer tokens from the
 * organization's provider take the same rows in {@link OrganizationSignInTest}).
 * A new endpoint without a row here fails the test.
 */
@StandaloneTest
class AuthorizationMatrixTest {
    enum Caller { ANONYMOUS, PARTICIPANT, FACILITATOR, ANALYST, LEADER, ADMIN }

    /** How a staff caller says who it is: HTTP Basic, as scripts do, or the session cookie of the sign-in page. */
    enum Way { BASIC, SESSION }

    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    static final Set<Caller> PARTICIPANT = EnumSet.of(Caller.PARTICIPANT);
    /** No caller of the API: only a request the SMS gateway signed is read, and every other one is 403. */
    static final Set<Caller> GATEWAY_ONLY = EnumSet.noneOf(Caller.class);

    /** What the app holds for one row: an initiative, a feedback with its receipt, a decision and an indicator. */
    record Ids(String initiative, String feedback, String receipt, String decision, String indicator,
            String account) {
        BadInputTest.Ids withoutReceipt() {
            return new BadInputTest.Ids(initiative, feedback, decision, indicator);
        }
    }

    /** A form is posted with the token its page issued: {@code formPage} is that page, null for the API. */
    record Row(String method, String pattern, Function<Ids, String> path, Function<Ids, String> body,
            String contentType, Set<Caller> allowed, Function<Ids, String> formPage) {
        String key() {
            return method + " " + pattern;
        }
    }

    static Row get(String pattern, Function<Ids, String> path, Set<Caller> allowed) {
        return new Row("GET", pattern, path, null, null, allowed, null);
    }

    static Row post(String pattern, Function<Ids, String> path, Function<Ids, String> body, Set<Caller> allowed) {
        return new Row("POST", pattern, path, body, "application/json", allowed, null);
    }

    static Row form(String pattern, Function<Ids, String> path, Function<Ids, String> body, Set<Caller> allowed,
            Function<Ids, String> formPage) {
        return new Row("POST", pattern, path, body, "application/x-www-form-urlencoded", allowed, formPage);
    }

    static Set<Caller> only(Caller... callers) {
        return EnumSet.copyOf(List.of(callers));
    }

    static List<Row> rows() {
        Set<Caller> staffReaders = only(Caller.FACILITATOR, Caller.ANALYST);
        return List.of(
                get("/", ids -> "/", EVERYONE),
                get("/signin", ids -> "/signin", EVERYONE),
                get("/i/{initiativeId}", ids -> "/i/" + ids.initiative(), EVERYONE),
                get("/i/{initiativeId}/learnings", ids -> "/i/" + ids.initiative() + "/learnings", EVERYONE),
                get("/i/{initiativeId}/dashboard", ids -> "/i/" + ids.initiative() + "/dashboard", EVERYONE),
                get("/i/{initiativeId}/dashboard/tables", ids -> "/i/" + ids.initiative() + "/dashboard/tables",
                        EVERYONE),
                get("/r/{receiptToken}", ids -> "/r/" + ids.receipt(), EVERYONE),
                get("/decisions/{decisionId}", ids -> "/decisions/" + ids.decision(), EVERYONE),
                get("/staff", ids -> "/staff", staffReaders),
                get("/staff/projections", ids -> "/staff/projections", only(Caller.ADMIN)),
                get("/staff/accounts", ids -> "/staff/accounts", only(Caller.ADMIN)),
                get("/staff/outbox", ids -> "/staff/outbox", only(Caller.ADMIN)),
                get("/staff/i/{initiativeId}", ids -> "/staff/i/" + ids.initiative(), staffReaders),
                get("/staff/i/{initiativeId}/corrected", ids -> "/staff/i/" + ids.initiative() + "/corrected",
                        staffReaders),
                get("/api/initiatives", ids -> "/api/initiatives", EVERYONE),
                get("/api/initiatives/{initiativeId}", ids -> "/api/initiatives/" + ids.initiative(), EVERYONE),
                get("/api/initiatives/{initiativeId}/learnings", ids -> "/api/initiatives/" + ids.initiative()
                        + "/learnings", EVERYONE),
                get("/api/initiatives/{initiativeId}/decisions", ids -> "/api/initiatives/" + ids.initiative()
                        + "/decisions", EVERYONE),
                get("/api/initiatives/{initiativeId}/indicators", ids -> "/api/initiatives/" + ids.initiative()
                        + "/indicators", EVERYONE),
                get("/api/initiatives/{initiativeId}/dashboard", ids -> "/api/initiatives/" + ids.initiative()
                        + "/dashboard", EVERYONE),
                get("/api/initiatives/{initiativeId}/dashboard.csv", ids -> "/api/initiatives/" + ids.initiative()
                        + "/dashboard.csv", EVERYONE),
                get("/api/initiatives/{initiativeId}/dashboard/export", ids -> "/api/initiatives/"
                        + ids.initiative() + "/dashboard/export", EVERYONE),
                get("/api/initiatives/{initiativeId}/stream", ids -> "/api/initiatives/" + ids.initiative()
                        + "/stream", EVERYONE),
                get("/api/initiatives/{initiativeId}/feedback.csv", ids -> "/api/initiatives/" + ids.initiative()
                        + "/feedback.csv", only(Caller.ANALYST, Caller.ADMIN)),
                get("/api/initiatives/{initiativeId}/feedback", ids -> "/api/initiatives/" + ids.initiative()
                        + "/feedback", staffReaders),
                get("/api/decisions/{decisionId}", ids -> "/api/decisions/" + ids.decision(), EVERYONE),
                get("/api/decisions/{decisionId}/history", ids -> "/api/decisions/" + ids.decision() + "/history",
                        EVERYONE),
                get("/api/indicators/{indicatorId}", ids -> "/api/indicators/" + ids.indicator(), EVERYONE),
                get("/api/receipts/me", ids -> "/api/receipts/me", PARTICIPANT),
                get("/api/admin/dead-letters", ids -> "/api/admin/dead-letters", only(Caller.ADMIN)),
                get("/api/admin/projections", ids -> "/api/admin/projections", only(Caller.ADMIN)),
                get("/api/admin/outbox", ids -> "/api/admin/outbox", only(Caller.ADMIN)),
                get("/api/admin/staff", ids -> "/api/admin/staff", only(Caller.ADMIN)),
                post("/api/initiatives", ids -> "/api/initiatives", ids -> BadInputTest.LAUNCH,
                        only(Caller.LEADER, Caller.ADMIN)),
                post("/api/initiatives/{initiativeId}/feedback", ids -> "/api/initiatives/" + ids.initiative()
                        + "/feedback", ids -> BadInputTest.SUBMIT, EVERYONE),
                post("/api/feedback/{feedbackId}/acknowledgement", ids -> "/api/feedback/" + ids.feedback()
                        + "/acknowledgement", ids -> "{\"message\": \"Thank you\"}", only(Caller.FACILITATOR)),
                post("/api/feedback/{feedbackId}/understanding", ids -> "/api/feedback/" + ids.feedback()
                        + "/understanding", ids -> "{\"summary\": \"The bus is late\"}", only(Caller.FACILITATOR)),
                post("/api/feedback/{feedbackId}/understanding/response", ids -> "/api/feedback/" + ids.feedback()
                        + "/understanding/response", ids -> "{\"confirmed\": true}", PARTICIPANT),
                post("/api/feedback/{feedbackId}/themes", ids -> "/api/feedback/" + ids.feedback() + "/themes",
                        ids -> "{\"themes\": [\"transport\"]}", only(Caller.FACILITATOR, Caller.ANALYST)),
                post("/api/initiatives/{initiativeId}/learnings", ids -> "/api/initiatives/" + ids.initiative()
                        + "/learnings", ids -> BadInputTest.LEARNING, only(Caller.FACILITATOR, Caller.LEADER)),
                post("/api/initiatives/{initiativeId}/decisions", ids -> "/api/initiatives/" + ids.initiative()
                        + "/decisions", ids -> BadInputTest.proposal(ids.withoutReceipt()), only(Caller.LEADER)),
                post("/api/decisions/{decisionId}/revisions", ids -> "/api/decisions/" + ids.decision()
                        + "/revisions", ids -> BadInputTest.revision(ids.withoutReceipt()), only(Caller.LEADER)),
                post("/api/decisions/{decisionId}/evidence", ids -> "/api/decisions/" + ids.decision() + "/evidence",
                        ids -> "{\"feedbackIds\": [\"" + ids.feedback() + "\"], \"note\": \"n\"}",
                        only(Caller.LEADER, Caller.ANALYST)),
                post("/api/decisions/{decisionId}/outcome", ids -> "/api/decisions/" + ids.decision() + "/outcome",
                        ids -> BadInputTest.OUTCOME, only(Caller.LEADER, Caller.ANALYST)),
                post("/api/initiatives/{initiativeId}/indicators", ids -> "/api/initiatives/" + ids.initiative()
                        + "/indicators", ids -> "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}",
                        only(Caller.ANALYST)),
                post("/api/indicators/{indicatorId}/measurements", ids -> "/api/indicators/" + ids.indicator()
                        + "/measurements", ids -> "{\"value\": 24.5, \"at\": \"2026-03-01T16:00:00Z\"}",
                        only(Caller.ANALYST)),
                post("/api/admin/projections/{name}/replay", ids -> "/api/admin/projections/indicators/replay",
                        ids -> "", only(Caller.ADMIN)),
                post("/api/admin/dead-letters/{projection}/retry", ids -> "/api/admin/dead-letters/dashboard/retry",
                        ids -> "", only(Caller.ADMIN)),
                post("/api/admin/outbox/retry", ids -> "/api/admin/outbox/retry", ids -> "", only(Caller.ADMIN)),
                form("/i/{initiativeId}/feedback", ids -> "/i/" + ids.initiative() + "/feedback",
                        ids -> "text=The+bus+is+late&language=en&stakeholderGroup=families", EVERYONE,
                        ids -> "/i/" + ids.initiative()),
                form("/r/{receiptToken}/answer", ids -> "/r/" + ids.receipt() + "/answer",
                        ids -> "feedbackId=" + ids.feedback() + "&confirmed=true", EVERYONE,
                        ids -> "/r/" + ids.receipt()),
                form("/staff/feedback/{feedbackId}/acknowledgement", ids -> "/staff/feedback/" + ids.feedback()
                        + "/acknowledgement", ids -> "message=Thank+you&returnTo=/staff", only(Caller.FACILITATOR),
                        ids -> "/staff/i/" + ids.initiative()),
                form("/staff/feedback/{feedbackId}/understanding", ids -> "/staff/feedback/" + ids.feedback()
                        + "/understanding", ids -> "summary=The+bus+is+late&returnTo=/staff", only(Caller.FACILITATOR),
                        ids -> "/staff/i/" + ids.initiative()),
                form("/staff/feedback/{feedbackId}/themes", ids -> "/staff/feedback/" + ids.feedback() + "/themes",
                        ids -> "themes=transport&returnTo=/staff", only(Caller.FACILITATOR),
                        ids -> "/staff/i/" + ids.initiative()),
                form("/staff/accounts", ids -> "/staff/accounts", ids -> FormPage.body("name", ids.account() + "-2",
                        "displayName", "Matrix", "password", "a long first password", "roles", "ANALYST"),
                        only(Caller.ADMIN), ids -> "/staff/accounts"),
                form("/staff/accounts/{accountId}/roles", ids -> "/staff/accounts/" + ids.account() + "/roles",
                        ids -> "roles=LEADER", only(Caller.ADMIN), ids -> "/staff/accounts"),
                form("/staff/accounts/{accountId}/disable", ids -> "/staff/accounts/" + ids.account() + "/disable",
                        ids -> "", only(Caller.ADMIN), ids -> "/staff/accounts"),
                // last: forgetting the participant stops the steps above that record their words
                form("/r/{receiptToken}/forget", ids -> "/r/" + ids.receipt() + "/forget",
                        ids -> "feedbackId=" + ids.feedback() + "&confirm=true", EVERYONE,
                        ids -> "/r/" + ids.receipt()),
                form("/api/sms/inbound", ids -> "/api/sms/inbound",
                        ids -> "From=%2B34655444333&To=%2B15005550006&Body=HELP", GATEWAY_ONLY, null),
                form("/api/sms/status", ids -> "/api/sms/status",
                        ids -> "MessageSid=SM1&MessageStatus=delivered", GATEWAY_ONLY, null),
                form("/r/{receiptToken}/follow-up/stop", ids -> "/r/" + ids.receipt() + "/follow-up/stop",
                        ids -> "channel=EMAIL", EVERYONE, ids -> "/r/" + ids.receipt()),
                form("/r/{receiptToken}/follow-up/resume", ids -> "/r/" + ids.receipt() + "/follow-up/resume",
                        ids -> "channel=EMAIL", EVERYONE, ids -> "/r/" + ids.receipt()),
                post("/api/receipts/forget", ids -> "/api/receipts/forget", ids -> "", PARTICIPANT),
                post("/api/admin/participants/{feedbackId}/forget", ids -> "/api/admin/participants/"
                        + ids.feedback() + "/forget", ids -> "", only(Caller.ADMIN)));
    }

    @LocalServerPort
    int port;
    Api api;
    Loop loop;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyEndpointHasItsRow() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("heard.")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(verb -> served.add(verb.name() + " " + pattern));
            }
        });
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.key()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(served);
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void eachCallerGetsExactlyWhatItsRoleAllows(Way way) throws Exception {
        Map<Caller, String[]> staff = new EnumMap<>(Caller.class);
        for (Caller caller : EnumSet.range(Caller.FACILITATOR, Caller.ADMIN)) {
            String user = caller.name().toLowerCase();
            staff.put(caller, way == Way.BASIC ? Api.as(user) : api.signedIn(user));
        }
        List<String> wrong = new ArrayList<>();
        Ids ids = fresh(api);
        // every form's tokens are read before any row runs: the answer form is gone once someone answered.
        // One page, so one token, for each caller: a token is good for one accepted post.
        java.util.Map<Row, java.util.Map<Caller, String>> formTokens = new java.util.HashMap<>();
        for (Row row : rows()) {
            java.util.Map<Caller, String> each = new java.util.EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                each.put(caller, formToken(api, row, ids));
            }
            formTokens.put(row, each);
        }
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                Answer answer = send(row, ids, caller, staff.get(caller), formTokens.get(row).get(caller));
                int status = answer.status();
                boolean allowed = row.allowed().contains(caller);
                if (allowed && answer.location().matches(".*error=(expired|sent).*")) {
                    wrong.add(row.key() + " as " + caller + ": its form token was refused");
                }
                int refusal = row.allowed().equals(GATEWAY_ONLY) ? 403 : caller == Caller.ANONYMOUS
                        || caller == Caller.PARTICIPANT || row.allowed().equals(PARTICIPANT) ? 401 : 403;
                // an allowed caller may still meet a state that forbids the step (409): the door let it through
                if (allowed ? !(status < 400 || status == 409) : status != refusal) {
                    wrong.add(row.key() + " as " + caller + ": " + status + (allowed ? " (allowed)" : " (expected "
                            + refusal + ")"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        eventually().until(() ->
                api.get("/api/initiatives/" + fresh(api).initiative() + "/indicators").status() == 200);
        new Loop(api).awaitEveryProjectionLive();
    }

    /**
     * A caller the role refuses learns nothing of what the endpoint wants: an empty body is refused for
     * the caller (401, 403) before it is read, never answered with the list of fields it lacks.
     */
    @Test
    void aRefusedCallerIsRefusedBeforeTheBodyIsRead() {
        Ids unknown = new Ids("no-initiative", "no-feedback", "NoReceiptToken00000000", "no-decision", "no-indicator",
                "no-account");
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            if (!"application/json".equals(row.contentType()) || row.allowed().contains(Caller.ANONYMOUS)
                    || row.allowed().equals(PARTICIPANT)) {
                continue;
            }
            for (Caller caller : EnumSet.complementOf(EnumSet.copyOf(row.allowed()))) {
                String[] credentials = caller == Caller.ANONYMOUS || caller == Caller.PARTICIPANT ? new String[0]
                        : Api.as(caller.name().toLowerCase());
                int refusal = credentials.length == 0 ? 401 : 403;
                Api.Response answer = api.post(row.path().apply(unknown), "{}", credentials);
                if (answer.status() != refusal) {
                    wrong.add(row.key() + " as " + caller + ": " + answer.status() + " (expected " + refusal + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aParticipantsTokenOpensOnlyTheirOwnFeedback() throws Exception {
        Ids mine = fresh(api);
        Ids theirs = fresh(api);
        JsonNode feed = api.get("/api/receipts/me", "X-Receipt-Token", mine.receipt()).json();
        assertThat(feed.get("feedbackId").asText()).isEqualTo(mine.feedback());
        assertThat(feed.toString()).doesNotContain(theirs.feedback());
        Api.Response answer = api.post("/api/feedback/" + theirs.feedback() + "/understanding/response",
                "{\"confirmed\": true}", "X-Receipt-Token", mine.receipt());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(api.get("/api/receipts/me", "X-Receipt-Token", "NotAReceiptTokenAtAll1").status()).isEqualTo(401);
    }

    /**
     * A receipt token tried on feedback that is not its own answers the same whether that feedback exists
     * or not, so the token's holder cannot learn which feedback ids exist: by the API and by the receipt
     * page's forms alike.
     */
    @Test
    void someoneElsesFeedbackAndNoFeedbackAnswerAlike() {
        String initiative = loop.launchInitiative();
        String mine = loop.submit(initiative, "The bus is late").get("receiptToken").asText();
        String theirs = loop.submit(initiative, "The crossing has no guard").get("feedbackId").asText();
        String none = UUID.randomUUID().toString();

        Api.Response toTheirs = answerByApi(api, theirs, mine);
        Api.Response toNone = answerByApi(api, none, mine);
        assertThat(toNone.status()).as(toNone.body()).isEqualTo(toTheirs.status()).isEqualTo(403);
        assertThat(toNone.json().get("detail")).isEqualTo(toTheirs.json().get("detail"));

        for (String form : new String[] {"answer", "forget"}) {
            String toTheirsPage = postOnReceiptPage(api, mine, form, theirs);
            assertThat(postOnReceiptPage(api, mine, form, none)).as(form).isEqualTo(toTheirsPage)
                    .contains("error=");
        }
    }

    private static Api.Response answerByApi(Api api, String feedbackId, String receiptToken) {
        return api.post("/api/feedback/" + feedbackId + "/understanding/response", "{\"confirmed\": true}",
                "X-Receipt-Token", receiptToken);
    }

    /** Where a receipt page's form, signed for that feedback id, sends the browser; its status if it does not. */
    private String postOnReceiptPage(Api api, String receiptToken, String form, String feedbackId) {
        String token = FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                .issue(FormTokens.answerForm(feedbackId));
        Api.Response answer = api.postAs("application/x-www-form-urlencoded", "/r/" + receiptToken + "/" + form,
                FormPage.body("feedbackId", feedbackId, "confirmed", "true", "confirm", "true", "formToken", token),
                "Origin", "http://localhost:" + port);
        return answer.headers().firstValue("Location").orElse(String.valueOf(answer.status()));
    }

    private Ids fresh(Api api) {
        BadInputTest.Known known = BadInputTest.known(api);
        Ids ids = new Ids(known.ids().initiative(), known.ids().feedback(), known.receiptToken(),
                known.ids().decision(), known.ids().indicator(), account(api));
        String initiative = ids.initiative();
        String decision = ids.decision();
        api.post("/api/feedback/" + ids.feedback() + "/acknowledgement", "{\"message\": \"Thank you\"}",
                Api.as("facilitator"));
        api.post("/api/feedback/" + ids.feedback() + "/understanding", "{\"summary\": \"The bus is late\"}",
                Api.as("facilitator"));
        // the receipt page shows the answer form, with its token, once the summary waits for the participant
        eventually().until(() ->
                api.get("/api/decisions/" + decision).status() == 200
                        && FormPage.tokenIn(api.get("/r/" + ids.receipt()).body()).isPresent()
                        && FormPage.tokenIn(api.get("/staff/i/" + initiative, Api.as("facilitator")).body()).isPresent());
        return ids;
    }

    /** A staff account an administrator added, for the rows that change one. */
    private static String account(Api api) {
        String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        String token = FormPage.token(api.get("/staff/accounts", Api.as("admin")).body());
        Api.Response added = api.postAs("application/x-www-form-urlencoded", "/staff/accounts", FormPage.body(
                "name", name, "displayName", "Matrix", "password", "a long first password", "roles", "FACILITATOR",
                "formToken", token), Api.headers(Api.as("admin"), new String[] {"Origin", api.base()}));
        assertThat(added.headers().firstValue("Location").orElse("")).contains("done=opened");
        return name;
    }

    /** The token the row's form page issues; null for the API. */
    private static String formToken(Api api, Row row, Ids ids) {
        if (row.formPage() == null) {
            return null;
        }
        // the staff console signs its forms for the signed-in facilitator; the public pages for anyone
        String[] reader = row.pattern().startsWith("/staff/accounts") ? Api.as("admin")
                : row.pattern().startsWith("/staff") ? Api.as("facilitator") : new String[0];
        return FormPage.token(api.get(row.formPage().apply(ids), reader).body());
    }

    record Answer(int status, String location) {
    }

    /** The status and where it sends the browser; the endless stream is left after its first bytes. */
    private Answer send(Row row, Ids ids, Caller caller, String[] staff, String formToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + row.path().apply(ids)))
                .timeout(Duration.ofSeconds(30));
        if (row.body() == null) {
            request.GET();
        } else {
            String body = row.body().apply(ids);
            if (formToken != null) {
                body += "&formToken=" + formToken;
            }
            request.POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", row.contentType())
                    .header("Origin", "http://localhost:" + port);
        }
        if (caller == Caller.PARTICIPANT) {
            request.header("X-Receipt-Token", ids.receipt());
        } else if (staff != null) {
            request.header(staff[0], staff[1]);
        }
        if (row.pattern().endsWith("/stream")) {
            HttpResponse<InputStream> stream = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            stream.body().close();
            return new Answer(stream.statusCode(), "");
        }
        // read to the end: an unread answer would keep its request open on the server
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""));
    }
}
