package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff sign in on a page and sign out again; the session lives in a cookie a script cannot read and
 * another site cannot send; failed sign-ins are throttled per account and per address and never say
 * which part was wrong; HTTP Basic keeps working for scripts. Each test that fails sign-ins does so from
 * a loopback address of its own (127.0.0.x), so that no other test's address is throttled.
 */
@StandaloneTest
class SignInTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String[] BROWSER = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};

    @LocalServerPort
    int port;
    Api api;

    @Test
    void aBrowserAskingForTheConsoleSignsInOnThePageAndComesBackToIt() {
        Api.Response asked = api.get("/staff/i/some-question?status=SUBMITTED", BROWSER);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location")).hasValue(api.base() + "/signin");
        String remembered = Api.sessionCookie(asked);

        Api.Response page = api.get("/signin", BROWSER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Staff sign-in</h1>", "<label for=\"username\">Name</label>",
                "<label for=\"password\">Password</label>", "autocomplete=\"current-password\"",
                "action=\"/signin\"", "maxlength=\"100\"", "<meta name=\"robots\" content=\"noindex, nofollow\">")
                .doesNotContain("Sign out");
        assertThat(api.get("/signin?lang=es", BROWSER).body()).contains("<h1>Acceso del personal</h1>",
                ">Contraseña</label>");

        Api.Response signedIn = api.postAs(FORM, "/signin", FormPage.body("username", "facilitator",
                "password", "facilitator-demo"), "Origin", api.base(), "Cookie", remembered);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValue(api.base() + "/staff/i/some-question?status=SUBMITTED");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("heard-session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=Lax").doesNotContain("Expires", "Max-Age");
        String session = Api.sessionCookie(signedIn);
        assertThat(session).as("a new session id on signing in").isNotEqualTo(remembered);

        Api.Response console = api.get("/staff", "Cookie", session);
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("Facilitator console", "Signed in as facilitator",
                "action=\"/signout\"");
        assertThat(api.get("/staff", "Cookie", remembered).status()).as("the session before signing in")
                .isEqualTo(401);
        assertThat(api.get("/signin", "Cookie", session).body()).contains("You are signed in as facilitator.");
    }

    @Test
    void signingOutEndsTheSessionSoItsCookieOpensNothingAgain() {
        String[] session = api.signedIn("analyst");
        assertThat(api.get("/staff", session).status()).isEqualTo(200);
        assertThat(api.get("/api/initiatives/x/feedback", session).status()).as("the API, in the same session")
                .isEqualTo(404);

        Api.Response otherSite = api.postAs(FORM, "/signout", "", session[0], session[1],
                "Origin", "https://elsewhere.example");
        assertThat(otherSite.status()).isEqualTo(403);
        assertThat(api.get("/staff", session).status()).as("another site cannot sign anyone out").isEqualTo(200);

        Api.Response out = api.postAs(FORM, "/signout", "", Api.headers(session, BROWSER,
                new String[] {"Origin", api.base()}));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue(api.base() + "/signin?signedout");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("heard-session=;")
                && c.contains("Max-Age=0"));
        assertThat(api.get("/signin?signedout", BROWSER).body()).contains("You are signed out.");

        Api.Response back = api.get("/staff", Api.headers(session, BROWSER));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(api.base() + "/signin");
        assertThat(api.get("/api/initiatives/x/feedback", session).status()).isEqualTo(401);
    }

    @Test
    void aRefusedSignInSaysTheSameWhicheverPartWasWrong() {
        FromAddress elsewhere = new FromAddress("127.0.0.4", port);
        List<String> answers = List.of(
                refusal(elsewhere, "facilitator", "not-the-password"),
                refusal(elsewhere, "nobody-of-that-name", "facilitator-demo"),
                refusal(elsewhere, "", ""),
                refusal(elsewhere, "x".repeat(5000), "y".repeat(5000)));
        assertThat(answers).containsOnly("http://localhost:" + port + "/signin?error");
        String page = api.get("/signin?error", BROWSER).body();
        assertThat(page).contains("role=\"alert\"", "That name and password do not open an account.",
                "waits for 15 minutes");
        assertThat(api.get("/signin?error&lang=es", BROWSER).body()).contains("no abren ninguna cuenta");
    }

    @Test
    void theSignInFormIsTakenOnlyFromThisSite() {
        String body = FormPage.body("username", "facilitator", "password", "facilitator-demo");
        for (String[] from : List.of(new String[] {"Origin", "https://elsewhere.example"},
                new String[] {"Origin", "null"}, new String[] {"Referer", "http://localhost:1/signin"},
                new String[0])) {
            Api.Response refused = api.postAs(FORM, "/signin", body, from);
            assertThat(refused.status()).as(String.join(" ", from)).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("heard-session="));
        }
        assertThat(api.postAs(FORM, "/signin", body, "Referer", api.base() + "/signin").status()).isEqualTo(302);
    }

    @Test
    void anAccountThatFailedTooOftenIsRefusedEvenWithItsPasswordFromAnyAddress() {
        FromAddress guessing = new FromAddress("127.0.0.3", port);
        assertThat(api.signIn("sam", StandaloneTest.SAM_PASSWORD)).isNotNull();
        for (int i = 0; i < 5; i++) {
            refusal(guessing, "sam", "guess-" + i);
        }

        assertThat(api.signIn("sam", StandaloneTest.SAM_PASSWORD)).as("the right password, after five failures")
                .isNull();
        assertThat(api.get("/api/initiatives/x/feedback", "Authorization", basic("sam", StandaloneTest.SAM_PASSWORD))
                .status()).as("HTTP Basic is throttled alike").isEqualTo(401);
        assertThat(api.signIn("facilitator", "facilitator-demo")).as("another account").isNotNull();
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedForEveryAccount() {
        FromAddress guessing = new FromAddress("127.0.0.2", port);
        assertThat(guessing.get("/api/initiatives/x/feedback", "Authorization: " + basic("leader", "leader-demo"))
                .status()).as("before").isEqualTo(403);
        for (int i = 0; i < 20; i++) {
            refusal(guessing, "guess-" + i, "password");
        }

        assertThat(refusal(guessing, "leader", "leader-demo")).endsWith("/signin?error");
        assertThat(guessing.get("/api/initiatives/x/feedback", "Authorization: " + basic("leader", "leader-demo"))
                .status()).isEqualTo(401);
        assertThat(api.signIn("leader", "leader-demo")).as("from another address").isNotNull();
    }

    @Test
    void scriptsKeepHttpBasicAndGetProblemsNotPages() {
        Api.Response anonymous = api.get("/staff");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Heard\"");
        assertThat(anonymous.headers().allValues("Set-Cookie")).as("nothing kept for a script").isEmpty();
        Api.Response basic = api.get("/staff", Api.as("facilitator"));
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.headers().allValues("Set-Cookie")).as("HTTP Basic keeps no session").isEmpty();
        assertThat(api.post("/signin", "{}", "Origin", api.base()).status()).as("not a sign-in form").isEqualTo(302);
    }

    private static String refusal(FromAddress from, String user, String password) {
        FromAddress.Answer refused = from.signIn(user, password);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.headers()).noneMatch(h -> h.toLowerCase().startsWith("set-cookie: heard-session="));
        return refused.header("Location");
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
