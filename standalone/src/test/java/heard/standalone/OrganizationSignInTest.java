package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.events.StaffMemberNamed;
import heard.limits.InputLimits;
import heard.provider.OpenIdProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on over the real protocol, against an OpenID provider in the test JVM: a staff member
 * signs in with the organization's account (authorization code with PKCE, the ID token checked against
 * the provider's keys), gets the role their group maps to, acts under the provider's subject, and signs
 * out; someone whose groups map to no role is not signed in; the provider's access tokens work as bearer
 * tokens on the API for Heard's audience only; the histories show a staff member by the name the provider
 * gives them, and follow it when it changes. The session cookie is not marked Secure here, as Java's
 * HTTP client keeps no Secure cookie over plain http (the flag itself is checked by {@link SignInTest}).
 */
@StandaloneTest
class OrganizationSignInTest {
    private static final int HEARD_PORT = ProviderBrowser.freePort();
    private static final int PROVIDER_PORT = ProviderBrowser.freePort();
    private static final String HEARD = "http://127.0.0.1:" + HEARD_PORT;
    private static final String PROVIDER = "http://127.0.0.1:" + PROVIDER_PORT;
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static ConfigurableApplicationContext provider;

    @Autowired
    EventStore events;

    @DynamicPropertySource
    static void organization(DynamicPropertyRegistry properties) {
        provider = OpenIdProvider.start(PROVIDER_PORT, HEARD);
        OpenIdProvider.heardSettings(properties, HEARD_PORT, PROVIDER, "OrganizationSignInTest");
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aStaffMemberSignsInWithTheirOrganizationsAccountActsInTheirRoleAndSignsOut() throws Exception {
        ProviderBrowser browser = new ProviderBrowser(PROVIDER);
        HttpResponse<String> page = browser.get(HEARD + "/signin");
        assertThat(page.body()).contains("href=\"/signin/sso/organization\"", "your organization");

        HttpResponse<String> start = browser.get(HEARD + "/signin/sso/organization");
        String authorize = ProviderBrowser.location(start);
        assertThat(authorize).startsWith(PROVIDER + "/oauth2/authorize?").contains("code_challenge=",
                "code_challenge_method=S256", "client_id=heard", "nonce=", "scope=openid");
        String back = browser.signInAtProvider(authorize, "ana", "ana-at-the-district");
        assertThat(back).startsWith(HEARD + "/signin/sso-callback/organization?code=");
        String withoutProof = ProviderBrowser.location(browser.get(authorize.replaceAll("&code_challenge(_method)?=[^&]*", "")));
        assertThat(withoutProof).as("the provider insists on PKCE, which Heard sent").contains("error=invalid_request")
                .doesNotContain("code=");
        HttpResponse<String> signedIn = browser.get(back);
        assertThat(ProviderBrowser.location(signedIn)).isEqualTo(HEARD + "/staff");
        String session = browser.cookie("heard-session");

        HttpResponse<String> console = browser.get(HEARD + "/staff");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Facilitator console", "Signed in as Ana Ruiz");
        assertThat(browser.get(HEARD + "/api/admin/projections").statusCode()).as("no other role").isEqualTo(403);

        Api api = new Api(HEARD_PORT);
        Loop loop = new Loop(api);
        String feedback = loop.submit(loop.launchInitiative(), "The bus is late").get("feedbackId").asText();
        HttpResponse<String> acknowledged = browser.post(HEARD + "/api/feedback/" + feedback + "/acknowledgement",
                "application/json", "{\"message\": \"Thank you\"}");
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(events.readEvents(feedback).asStream().map(e -> e.getPayload().toString())
                .filter(e -> e.startsWith("FeedbackAcknowledged"))).singleElement().asString()
                .contains("actor=ana]");

        HttpResponse<String> out = browser.post(HEARD + "/signout", "application/x-www-form-urlencoded", "");
        assertThat(ProviderBrowser.location(out)).as("the provider's session ends too").startsWith(PROVIDER + "/connect/logout?")
                .contains("id_token_hint=");
        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(HEARD + "/staff"))
                .header("Cookie", "heard-session=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).as("the old cookie opens nothing").isEqualTo(401);
    }

    /**
     * The decision's history and page, and the administrators' audit, show a staff member by the name the
     * provider gives them (the subject their events carry still there, as a title and in the list of who
     * signs in with the provider); the name is recorded when it is new or changed, not at every sign-in,
     * and one too long for a name is cut to fit.
     */
    @Test
    void theHistoriesShowTheNameTheProviderGivesAStaffMemberAndFollowItWhenItChanges() throws Exception {
        Api api = new Api(HEARD_PORT);
        String initiative = new Loop(api).launchInitiative();
        ProviderBrowser lee = signedIn("lee");
        HttpResponse<String> proposed = lee.post(HEARD + "/api/initiatives/" + initiative + "/decisions", JSON, """
                {"title": "Earlier afternoon buses", "hypothesis": "If the route leaves earlier, children wait less",
                 "expectedOutcome": "Waits under 10 minutes", "engagementLevel": "CONSULT",
                 "reviewBy": "2099-06-01", "rationale": "Families told us the wait is long"}""");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String decision = Api.JSON.readTree(proposed.body()).get("decisionId").asText();
        assertThat(events.readEvents(decision).asStream().map(e -> e.getPayload().toString())).singleElement()
                .asString().as("the event names the subject, as before").contains("actor=lee]");

        JsonNode history = history(api, decision, 1, "Lee Ruiz");
        assertThat(history.at("/steps/0/author").asText()).isEqualTo("lee");
        assertThat(api.get("/decisions/" + decision).body()).contains("title=\"lee\"", "Recorded by Lee Ruiz");
        signedIn("lee");
        assertThat(names("lee")).as("the same name again is not recorded again").containsExactly("Lee Ruiz");

        OpenIdProvider.name("lee", "Lee Ann Ruiz");
        ProviderBrowser renamed = signedIn("lee");
        assertThat(renamed.post(HEARD + "/api/decisions/" + decision + "/revisions", JSON, """
                {"expectedVersion": 1, "changes": {"engagementLevel": "COLLABORATE"},
                 "rationale": "Families asked to plan the route with us"}""").statusCode()).isEqualTo(200);
        history = history(api, decision, 2, "Lee Ann Ruiz");
        assertThat(history.get("steps").findValuesAsText("authorName")).as("every step, by the name as it is now")
                .containsExactly("Lee Ann Ruiz", "Lee Ann Ruiz");
        assertThat(names("lee")).containsExactly("Lee Ruiz", "Lee Ann Ruiz");

        OpenIdProvider.name("lee", "Lee " + "x".repeat(400) + "\nRuiz");
        signedIn("lee");
        assertThat(names("lee")).hasSize(3).last().asString().hasSize(InputLimits.DISPLAY_NAME)
                .startsWith("Lee xxx").doesNotContain("\n");

        ProviderBrowser ida = signedIn("ida");
        String account = "maria." + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> added = ida.post(HEARD + "/staff/accounts", FORM, FormPage.body("name", account,
                "displayName", "María López", "password", "a long first password", "roles", "FACILITATOR",
                "formToken", FormPage.token(ida.get(HEARD + "/staff/accounts").body())));
        assertThat(ProviderBrowser.location(added)).contains("done=opened");
        String audit = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> ida.get(HEARD + "/staff/accounts").body(),
                        page -> page.contains("Ida Ruiz added " + account) && page.contains("Lee xxx"));
        assertThat(audit).contains("title=\"ida\"", "<h3>Ida Ruiz</h3>", "sign-in as ida", "sign-in as lee");
        JsonNode staff = api.get("/api/admin/staff", "Cookie", "heard-session=" + ida.cookie("heard-session")).json();
        JsonNode opened = staff.get("history").findParents("accountId").stream()
                .filter(change -> change.get("accountId").asText().equals(account)).findFirst().orElseThrow();
        assertThat(opened.get("actor").asText()).isEqualTo("ida");
        assertThat(opened.get("actorName").asText()).isEqualTo("Ida Ruiz");
        assertThat(staff.get("members").findValuesAsText("subject")).contains("ida", "lee");
        assertThat(staff.get("members").findValuesAsText("displayName")).contains("Ida Ruiz", names("lee").get(2));
    }

    /**
     * OpenID allows subjects of up to 255 characters, and Heard's actors hold 100: someone whose subject is longer
     * acts under a short name made from it, the same at every sign-in, and is shown by the provider's name.
     */
    @Test
    void someoneWhoseSubjectIsLongerThanAnAccountNameActsUnderAShortStableName() throws Exception {
        OpenIdProvider.name(OpenIdProvider.LONG_SUBJECT, "Kai Ruiz");
        Api api = new Api(HEARD_PORT);
        String initiative = new Loop(api).launchInitiative();
        List<String> actors = new java.util.ArrayList<>();
        for (int signIn = 0; signIn < 2; signIn++) {
            HttpResponse<String> proposed = signedIn(OpenIdProvider.LONG_SUBJECT).post(HEARD + "/api/initiatives/"
                    + initiative + "/decisions", JSON, """
                    {"title": "A crossing guard at the north gate", "hypothesis": "If a guard is there, fewer near misses",
                     "expectedOutcome": "No near misses in a term", "engagementLevel": "CONSULT",
                     "reviewBy": "2099-06-01", "rationale": "Families described near misses"}""");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            String decision = Api.JSON.readTree(proposed.body()).get("decisionId").asText();
            JsonNode history = history(api, decision, 1, "Kai Ruiz");
            actors.add(history.at("/steps/0/author").asText());
        }
        assertThat(actors.get(0)).startsWith("sub-").hasSizeLessThanOrEqualTo(InputLimits.ACCOUNT_NAME);
        assertThat(actors).as("the same at each sign-in").containsOnly(actors.get(0));
        assertThat(names(actors.get(0))).containsExactly("Kai Ruiz");
    }

    /** The decision's history once it has {@code steps} steps and its first is by {@code name}. */
    private static JsonNode history(Api api, String decision, int steps, String name) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/decisions/" + decision + "/history").json(),
                        history -> history.path("steps").size() == steps
                                && name.equals(history.at("/steps/0/authorName").asText()));
    }

    /** The names recorded for a subject, in order. */
    private List<String> names(String subject) {
        return events.readEvents("staff-member:" + subject).asStream()
                .map(e -> ((StaffMemberNamed) e.getPayload()).displayName()).toList();
    }

    /** A browser signed in with the provider as {@code user}, and on the page Heard sent it to. */
    private static ProviderBrowser signedIn(String user) throws Exception {
        ProviderBrowser browser = new ProviderBrowser(PROVIDER);
        String authorize = ProviderBrowser.location(browser.get(HEARD + "/signin/sso/organization"));
        String back = browser.signInAtProvider(authorize, user, OpenIdProvider.passwordOf(user));
        HttpResponse<String> landed = browser.get(ProviderBrowser.location(browser.get(back)));
        assertThat(landed.statusCode()).as(landed.uri().toString()).isEqualTo(200);
        return browser;
    }

    @Test
    void someoneWhoseGroupsMapToNoRoleIsNotSignedIn() throws Exception {
        ProviderBrowser browser = new ProviderBrowser(PROVIDER);
        String authorize = ProviderBrowser.location(browser.get(HEARD + "/signin/sso/organization"));
        String back = browser.signInAtProvider(authorize, "bo", "bo-at-the-district");
        HttpResponse<String> refused = browser.get(back);
        assertThat(ProviderBrowser.location(refused)).isEqualTo(HEARD + "/signin?error");
        assertThat(ProviderBrowser.location(browser.get(HEARD + "/staff"))).as("still signed out").isEqualTo(HEARD + "/signin");
    }

    @Test
    void theProvidersAccessTokensAreBearerTokensOnTheApiForHeardsAudienceOnly() throws Exception {
        Api api = new Api(HEARD_PORT);
        String initiative = new Loop(api).launchInitiative();
        String analyst = token("heard-script");
        String[] bearer = {"Authorization", "Bearer " + analyst};
        assertThat(api.get("/api/initiatives/" + initiative + "/feedback.csv", bearer).status()).isEqualTo(200);
        Api.Response defined = api.post("/api/initiatives/" + initiative + "/indicators",
                "{\"name\": \"Minutes waiting\", \"unit\": \"min\", \"direction\": \"DOWN\"}", bearer);
        assertThat(defined.status()).isEqualTo(201);
        assertThat(events.readEvents(defined.json().get("indicatorId").asText()).asStream()
                .map(e -> e.getPayload().toString())).singleElement().asString().contains("actor=heard-script]");
        assertThat(api.get("/api/admin/projections", bearer).status()).as("not an administrator").isEqualTo(403);

        Api.Response otherAudience = api.get("/api/initiatives/" + initiative + "/feedback.csv",
                "Authorization", "Bearer " + token("elsewhere"));
        assertThat(otherAudience.status()).isEqualTo(401);
        assertThat(otherAudience.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String[] parts = analyst.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("district-analysts", "district-it").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(api.get("/api/admin/projections", "Authorization", "Bearer " + forged).status())
                .as("a token whose signature does not hold").isEqualTo(401);
        assertThat(api.get("/api/admin/projections", "Authorization", "Bearer not-a-token").status()).isEqualTo(401);
        assertThat(api.get("/staff", Api.as("facilitator")).status()).as("HTTP Basic still works").isEqualTo(200);
    }

    /**
     * The authorization matrix's rows for the API and the pages, with a bearer token for each role: what a
     * role may do it may do with a token, and what it may not is 403 (401 where only a participant may).
     * The forms are left out: they are for browsers, signed for a signed-in user.
     */
    @Test
    void aBearerTokenOpensWhatItsRoleOpensInTheAuthorizationMatrix() throws Exception {
        Api api = new Api(HEARD_PORT);
        BadInputTest.Known known = BadInputTest.known(api);
        AuthorizationMatrixTest.Ids ids = new AuthorizationMatrixTest.Ids(known.ids().initiative(),
                known.ids().feedback(), known.receiptToken(), known.ids().decision(), known.ids().indicator(),
                "no-account");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (AuthorizationMatrixTest.Caller caller : java.util.EnumSet.range(AuthorizationMatrixTest.Caller.FACILITATOR,
                AuthorizationMatrixTest.Caller.ADMIN)) {
            String[] bearer = {"Authorization", "Bearer " + token("heard-" + caller.name().toLowerCase())};
            for (AuthorizationMatrixTest.Row row : AuthorizationMatrixTest.rows()) {
                if (row.formPage() != null || row.pattern().endsWith("/stream")) {
                    continue;
                }
                String path = row.path().apply(ids);
                int status = row.body() == null ? api.get(path, bearer).status()
                        : api.postAs(row.contentType(), path, row.body().apply(ids), bearer).status();
                boolean allowed = row.allowed().contains(caller);
                int refusal = row.allowed().equals(AuthorizationMatrixTest.PARTICIPANT) ? 401 : 403;
                if (allowed ? !(status < 400 || status == 409) : status != refusal) {
                    wrong.add(row.key() + " as " + caller + " with a token: " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String token(String client) throws IOException, InterruptedException {
        return ProviderBrowser.accessToken(PROVIDER, client);
    }
}
