package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import heard.provider.OpenIdProvider;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Heard set up for single sign-on starts while the organization's provider cannot be reached, and does all it does
 * without it: participants give feedback, staff sign in with a name and password, and someone who chooses the
 * organization's sign-in is told it cannot be reached; a script's bearer token is answered 503, to try again. Once
 * the provider answers, signing in with it and its bearer tokens work, with no restart.
 */
@StandaloneTest
class ProviderDownAtStartTest {
    private static final int HEARD_PORT = ProviderBrowser.freePort();
    private static final int PROVIDER_PORT = ProviderBrowser.freePort();
    private static final String HEARD = "http://127.0.0.1:" + HEARD_PORT;
    private static final String PROVIDER = "http://127.0.0.1:" + PROVIDER_PORT;
    private static ConfigurableApplicationContext provider;

    @DynamicPropertySource
    static void organization(DynamicPropertyRegistry properties) {
        OpenIdProvider.heardSettings(properties, HEARD_PORT, PROVIDER, "ProviderDownAtStartTest");
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void heardWorksWithoutTheProviderAndSignsInWithItOnceItAnswers() throws Exception {
        ProviderBrowser browser = new ProviderBrowser(PROVIDER);
        assertThat(browser.get(HEARD + "/signin").body()).contains("href=\"/signin/sso/organization\"");
        String told = ProviderBrowser.location(browser.get(HEARD + "/signin/sso/organization"));
        assertThat(told).isEqualTo(HEARD + "/signin?unavailable");
        HttpResponse<String> page = browser.get(told);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"unavailable\"", "cannot be reached", "name=\"password\"");
        assertThat(browser.get(HEARD + "/signin?unavailable").body()).contains("id=\"unavailable\"");

        Api api = new Api(HEARD_PORT);
        Loop loop = new Loop(api);
        String initiative = loop.launchInitiative();
        loop.submit(initiative, "The bus is late");
        assertThat(api.get("/staff", Api.as("facilitator")).status()).as("a name and password").isEqualTo(200);
        Api.Response unchecked = api.get("/api/initiatives/" + initiative + "/feedback.csv",
                "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJoZWFyZC1zY3JpcHQifQ.c2lnbmVk");
        assertThat(unchecked.status()).as("a token that cannot be checked now").isEqualTo(503);
        assertThat(unchecked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unchecked.headers().firstValue("Retry-After")).hasValue("5");

        provider = OpenIdProvider.start(PROVIDER_PORT, HEARD);
        String authorize = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> ProviderBrowser.location(browser.get(HEARD + "/signin/sso/organization")),
                        to -> to.startsWith(PROVIDER + "/oauth2/authorize?"));
        String back = browser.signInAtProvider(authorize, "ana", "ana-at-the-district");
        assertThat(ProviderBrowser.location(browser.get(back))).isEqualTo(HEARD + "/staff");
        assertThat(browser.get(HEARD + "/staff").body()).contains("Signed in as Ana Ruiz");

        String[] bearer = {"Authorization", "Bearer " + ProviderBrowser.accessToken(PROVIDER, "heard-script")};
        // the keys were last asked for while the provider was down: asked again a few seconds after that
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/initiatives/" + initiative + "/feedback.csv", bearer).status() == 200);
    }
}
