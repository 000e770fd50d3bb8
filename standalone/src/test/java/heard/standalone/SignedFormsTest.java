package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.forms.FormTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every form post (the feedback form, the answer on a receipt page, the console's forms) must carry
 * the token its page signed, for that form, not expired: another site cannot post in a visitor's
 * or a facilitator's name. Without one, or with a forged, foreign or expired one, nothing is recorded
 * and the browser goes back to the page with the problem.
 */
@StandaloneTest
class SignedFormsTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Loop loop;
    private String initiative;

    @BeforeEach
    void aQuestionWithItsForm() {
        initiative = loop.launchInitiative();
        loop.awaitQuestionPage(initiative);
    }

    @Test
    void theFeedbackFormIsRecordedOnlyWithItsOwnLiveToken() {
        String page = api.get("/i/" + initiative).body();
        String token = FormPage.token(page);
        assertThat(page).contains("<input type=\"hidden\" name=\"formToken\" value=\"" + token + "\">");
        String otherQuestion = FormPage.token(api.get("/i/" + awaitForm(loop.launchInitiative())).body());
        String expired = expiredToken(FormTokens.feedbackForm(initiative));
        String forged = new FormTokens("a key that is not this site's own".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC(), Duration.ofHours(1)).issue(FormTokens.feedbackForm(initiative));
        long before = events("FeedbackSubmitted");

        for (String bad : new String[] {null, "", "not-a-token", forged, otherQuestion, expired,
                token.substring(0, token.length() - 2) + "AA"}) {
            Api.Response refused = postFeedback(bad);
            assertThat(refused.status()).as(bad).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location")).as(bad)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/i/" + initiative + "?error=expired&lang=en"));
        }
        assertThat(events("FeedbackSubmitted")).isEqualTo(before);
        assertThat(api.get("/i/" + initiative + "?error=expired").body())
                .contains("role=\"alert\"", "This form was open too long, or did not come from this site");
        assertThat(api.get("/i/" + initiative + "?error=expired&lang=es").body())
                .contains("Este formulario estuvo abierto demasiado tiempo");

        Api.Response accepted = postFeedback(token);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).contains("/r/", "submitted=true");
        assertThat(events("FeedbackSubmitted")).isEqualTo(before + 1);
    }

    /**
     * A page of another site cannot post the feedback form, even with a token it took from the form:
     * its {@code Origin} (or, without one, its {@code Referer}) must be this site. A client that sends
     * neither is not a browser, carries no visitor's credentials, and is taken as any anonymous post.
     */
    @Test
    void theFeedbackFormIsRefusedFromAnotherSite() {
        String page = api.get("/i/" + initiative).body();
        String token = FormPage.token(page);
        assertThat(page).as("the form's page keeps its Origin sent, to the command side too")
                .contains("<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">");
        String self = "http://localhost:" + port;
        long before = events("FeedbackSubmitted");

        for (String[] foreign : new String[][] {{"Origin", "https://elsewhere.example"}, {"Origin", "null"},
                {"Origin", "http://localhost:" + (port + 1)}, {"Referer", "https://elsewhere.example/form"}}) {
            Api.Response refused = postFeedback(token, foreign);
            assertThat(refused.headers().firstValue("Location")).as(foreign[1])
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/i/" + initiative + "?error=expired&lang=en"));
        }
        assertThat(events("FeedbackSubmitted")).isEqualTo(before);

        // each from a fresh page: a token is good for one accepted post
        for (String[] fromHere : new String[][] {{"Origin", self}, {"Referer", self + "/i/" + initiative}, {}}) {
            String fresh = FormPage.token(api.get("/i/" + initiative).body());
            assertThat(postFeedback(fresh, fromHere).headers().firstValue("Location").orElseThrow())
                    .contains("/r/", "submitted=true");
        }
        assertThat(events("FeedbackSubmitted")).isEqualTo(before + 3);
    }

    /**
     * The form is the participant's: a browser that also holds a facilitator's credentials for this site
     * sends them along, yet what it posts is recorded as a participant's (and limited as theirs are).
     */
    @Test
    void theFeedbackFormIsAParticipantsWhateverCredentialsComeWithIt() {
        String token = FormPage.token(api.get("/i/" + initiative).body());
        Api.Response posted = postFeedback(token, Api.headers(Api.as("facilitator"),
                new String[] {"Origin", "http://localhost:" + port}));
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/r/", "submitted=true");

        JsonNode inbox = eventually().until(() -> api.get("/api/initiatives/"
                + initiative + "/feedback", Api.as("facilitator")).json(), items -> items.get("totalItems").asInt() == 1);
        assertThat(inbox.get("items").get(0).get("submittedBy").asText()).isEqualTo("participant");
    }

    @Test
    void theAnswerOnAReceiptPageNeedsThatPagesToken() {
        JsonNode receipt = loop.submit(initiative, "The crossing has no guard");
        String feedbackId = receipt.get("feedbackId").asText();
        String page = "/r/" + receipt.get("receiptToken").asText();
        assertThat(api.post("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Read it\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post("/api/feedback/" + feedbackId + "/understanding", "{\"summary\": \"No guard\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        String token = FormPage.token(eventually()
                .until(() -> api.get(page).body(), body -> body.contains("name=\"formToken\"")));
        String anotherSubmissions = FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                .issue(FormTokens.answerForm("someone-else"));
        long before = events("UnderstandingConfirmed");

        for (String bad : new String[] {null, "forged.token", anotherSubmissions,
                expiredToken(FormTokens.answerForm(feedbackId))}) {
            Api.Response refused = postAnswer(page, feedbackId, bad);
            assertThat(refused.headers().firstValue("Location")).as(bad)
                    .hasValueSatisfying(location -> assertThat(location).endsWith(page + "?error=expired&lang=en"));
        }
        Api.Response fromElsewhere = postAnswer(page, feedbackId, token, "Origin", "https://elsewhere.example");
        assertThat(fromElsewhere.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(page + "?error=expired&lang=en"));
        assertThat(events("UnderstandingConfirmed")).isEqualTo(before);
        assertThat(api.get(page + "?error=expired&lang=en").body()).contains("we did not record your answer");

        // the receipt page is sent with Referrer-Policy: no-referrer, so browsers post its forms with Origin: null
        assertThat(postAnswer(page, feedbackId, token, "Origin", "null").headers().firstValue("Location")
                .orElseThrow()).endsWith(page + "?answered=true&lang=en");
        assertThat(events("UnderstandingConfirmed")).isEqualTo(before + 1);
    }

    @Test
    void theConsolesFormsNeedATokenSignedForThatFacilitator() {
        String feedbackId = loop.submit(initiative, "Lights on the path, please").get("feedbackId").asText();
        String back = "/staff/i/" + initiative;
        String token = FormPage.token(eventually()
                .until(() -> api.get(back, Api.as("facilitator")).body(), body -> body.contains(feedbackId)));
        FormTokens signer = FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1));
        long before = events("FeedbackAcknowledged");

        for (String bad : new String[] {null, "", signer.issue(FormTokens.staffForms("analyst")),
                signer.issue(FormTokens.feedbackForm(initiative)), expiredToken(FormTokens.staffForms("facilitator"))}) {
            Api.Response refused = acknowledge(feedbackId, back, bad);
            assertThat(refused.status()).as(bad).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(bad).contains("error=expired");
        }
        assertThat(events("FeedbackAcknowledged")).isEqualTo(before);
        assertThat(api.get(back + "?error=expired", Api.as("facilitator")).body())
                .contains("This page was open too long, or the form did not come from the console");

        assertThat(acknowledge(feedbackId, back, token).headers().firstValue("Location").orElseThrow())
                .contains("done=acknowledged");
        assertThat(events("FeedbackAcknowledged")).isEqualTo(before + 1);
    }

    private Api.Response postFeedback(String token, String... headers) {
        String body = FormPage.body("text", "Crossing guards, please", "language", "en", "stakeholderGroup", "families",
                "lang", "en");
        return api.postAs(FORM, "/i/" + initiative + "/feedback",
                token == null ? body : body + "&" + FormPage.body("formToken", token), headers);
    }

    private Api.Response postAnswer(String page, String feedbackId, String token, String... headers) {
        String body = FormPage.body("feedbackId", feedbackId, "confirmed", "true", "lang", "en");
        return api.postAs(FORM, page + "/answer", token == null ? body : body + "&" + FormPage.body("formToken", token),
                headers);
    }

    private Api.Response acknowledge(String feedbackId, String back, String token) {
        String body = FormPage.body("message", "Thank you", "returnTo", back);
        return api.postAs(FORM, "/staff/feedback/" + feedbackId + "/acknowledgement",
                token == null ? body : body + "&" + FormPage.body("formToken", token),
                Api.headers(Api.as("facilitator"), new String[] {"Origin", "http://localhost:" + port}));
    }

    /** A token this site signed for the purpose nine hours ago, past its eight hours. */
    private static String expiredToken(String purpose) {
        return new FormTokens(StandaloneTest.FORM_SECRET.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC), Duration.ofHours(8))
                .issue(purpose);
    }

    private String awaitForm(String id) {
        loop.awaitQuestionPage(id);
        return id;
    }

    private long events(String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?", Long.class,
                "%" + type);
    }
}
