package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import heard.standalone.Api;
import heard.standalone.FormPage;
import heard.standalone.Loop;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the sides apart, one sign-in on the pages (query side) serves the forms (command side), since both
 * keep staff sessions in the shared database; a restarted instance signs no one out, and signing out on
 * one side ends the session on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossSidesTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private final Topology topology = Topology.fresh("sessions", "heard.events.sessions");
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext side : new ConfigurableApplicationContext[] {querySide, commandSide}) {
            if (side != null) {
                side.close();
            }
        }
    }

    @Test
    void oneSignInOnThePagesServesTheFormsSurvivesARestartAndEndsEverywhereOnSignOut() {
        querySide = topology.querySide();
        Api pages = new Api(Topology.port(querySide));
        commandSide = topology.commandSide("--heard.web.pages-url=" + pages.base());
        Api forms = new Api(Topology.port(commandSide));
        Loop loop = new Loop(forms, pages);
        String initiative = loop.launchInitiative();
        String feedback = loop.submit(initiative, "The bus is late").get("feedbackId").asText();

        String[] session = pages.signedIn("facilitator");
        String console = "/staff/i/" + initiative;
        String page = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> pages.get(console, session).body(), body -> body.contains("item-" + feedback));
        String[] fromThePages = Api.headers(session, new String[] {"Origin", pages.base()});
        Api.Response acknowledged = forms.postAs(FORM, "/staff/feedback/" + feedback + "/acknowledgement",
                FormPage.body("message", "Thank you", "returnTo", console, "formToken", FormPage.token(page)),
                fromThePages);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(303);
        assertThat(acknowledged.headers().firstValue("Location").orElseThrow()).startsWith(pages.base() + console)
                .contains("done=acknowledged");

        querySide.close();
        querySide = topology.querySide();
        Api restarted = new Api(Topology.port(querySide));
        assertThat(restarted.get("/staff", session).status()).as("a restart signs no one out").isEqualTo(200);

        Api.Response out = restarted.postAs(FORM, "/signout", "", Api.headers(session,
                new String[] {"Origin", restarted.base(), "Accept", "text/html"}));
        assertThat(out.status()).isEqualTo(302);
        assertThat(restarted.get("/staff", session).status()).isEqualTo(401);
        assertThat(forms.postAs(FORM, "/staff/feedback/" + feedback + "/understanding",
                FormPage.body("summary", "The bus", "returnTo", console, "formToken", FormPage.token(page)),
                fromThePages).status()).as("the forms' side too").isEqualTo(401);
    }
}
