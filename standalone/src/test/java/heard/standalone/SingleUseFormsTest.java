package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import heard.command.forms.SpentFormTokens;
import heard.forms.FormTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A form's token is good for one accepted post: sent again (a double tap, the back button, a replay), the
 * post records nothing and the page says the form was already sent. A post refused for what it says
 * leaves the token unspent, so the participant corrects the same page and sends it.
 */
@StandaloneTest
class SingleUseFormsTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SpentFormTokens spent;

    private Api api;
    private Loop loop;
    private String initiative;

    @BeforeEach
    void aQuestionWithItsForm() {
        initiative = loop.launchInitiative();
        loop.awaitQuestionPage(initiative);
    }

    @Test
    void theFeedbackFormIsRecordedOnceAndSentAgainItSaysSoInBothLanguages() {
        String token = FormPage.token(api.get("/i/" + initiative).body());
        long before = events("FeedbackSubmitted");

        assertThat(postFeedback(token, "").headers().firstValue("Location").orElseThrow())
                .as("refused for its words, the form can be corrected and sent from the same page")
                .endsWith("/i/" + initiative + "?error=text&lang=es");
        assertThat(postFeedback(token, "Crossing guards, please").headers().firstValue("Location").orElseThrow())
                .contains("/r/", "submitted=true");
        Api.Response again = postFeedback(token, "Crossing guards, please");
        // the signature's last character can be spelled another way that decodes alike: still the same token
        Api.Response respelled = postFeedback(respelled(token), "Crossing guards, please");

        assertThat(events("FeedbackSubmitted")).isEqualTo(before + 1);
        for (Api.Response refused : List.of(again, respelled)) {
            assertThat(refused.status()).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location").orElseThrow())
                    .endsWith("/i/" + initiative + "?error=sent&lang=es");
        }
        String spanish = api.get("/i/" + initiative + "?error=sent&lang=es").body();
        assertThat(spanish).contains("<h1>Este formulario ya se envió</h1>", "href=\"/i/" + initiative + "\"",
                "Escribir una opinión nueva").doesNotContain("name=\"formToken\"");
        Api.Response english = api.get("/i/" + initiative + "?error=sent&lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("<h1>This form was already sent</h1>", "Write new feedback");
        assertThat(FormPage.token(api.get("/i/" + initiative).body())).as("the fresh form").isNotEqualTo(token);
    }

    @Test
    void theAnswerOnAReceiptPageIsRecordedOnce() {
        JsonNode receipt = loop.submit(initiative, "The crossing has no guard");
        String feedbackId = receipt.get("feedbackId").asText();
        String page = "/r/" + receipt.get("receiptToken").asText();
        assertThat(api.post("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Read it\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post("/api/feedback/" + feedbackId + "/understanding", "{\"summary\": \"No guard\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        String token = FormPage.token(eventually()
                .until(() -> api.get(page).body(), body -> body.contains("name=\"formToken\"")));
        long before = events("UnderstandingCorrected");

        assertThat(answer(page, feedbackId, token).headers().firstValue("Location").orElseThrow())
                .endsWith(page + "?answered=true&lang=en");
        assertThat(answer(page, feedbackId, token).headers().firstValue("Location").orElseThrow())
                .endsWith(page + "?error=sent&lang=en");

        assertThat(events("UnderstandingCorrected")).isEqualTo(before + 1);
        assertThat(eventually().until(() -> api.get(page + "?error=sent&lang=es"),
                response -> response.status() == 200).body())
                .contains("role=\"alert\"", "Este formulario ya se envió, así que no lo registramos de nuevo");
    }

    @Test
    void aConsoleFormIsRecordedOnce() {
        String feedbackId = loop.submit(initiative, "Lights on the path, please").get("feedbackId").asText();
        String back = "/staff/i/" + initiative;
        String token = FormPage.token(eventually()
                .until(() -> api.get(back, Api.as("facilitator")).body(), body -> body.contains(feedbackId)));
        long before = events("FeedbackThemed");

        assertThat(theme(feedbackId, back, token, "lighting").headers().firstValue("Location").orElseThrow())
                .contains("done=themed");
        assertThat(theme(feedbackId, back, token, "safety").headers().firstValue("Location").orElseThrow())
                .contains("error=sent");

        assertThat(events("FeedbackThemed")).isEqualTo(before + 1);
        assertThat(api.get(back + "?error=sent", Api.as("facilitator")).body())
                .contains("This form was already sent; nothing more was recorded.");
    }

    @Test
    void ofConcurrentPostsOfOneTokenOneIsTakenAndOneRefusedByTheCommandGivesItBack() throws Exception {
        FormTokens signer = FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1));
        String token = signer.issue(FormTokens.feedbackForm(initiative));
        assertThatThrownBy(() -> spent.once(token, () -> {
            throw new IllegalStateException("the command was refused");
        })).hasMessage("the command was refused");

        AtomicInteger taken = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        List<Optional<Integer>> posts;
        try {
            List<Callable<Optional<Integer>>> each = IntStream.range(0, 8).<Callable<Optional<Integer>>>mapToObj(
                    i -> () -> spent.once(token, taken::incrementAndGet)).toList();
            posts = pool.invokeAll(each).stream().map(SingleUseFormsTest::get).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(taken).hasValue(1);
        assertThat(posts).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void aSpentTokenIsForgottenOnceItHasExpired() {
        String token = FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                .issue(FormTokens.feedbackForm(initiative));
        String hash = FormTokens.spent(token).hash();
        assertThat(spent.once(token, () -> "taken")).contains("taken");

        spent.purgeExpiredAt(Instant.now());
        assertThat(jdbc.queryForObject("select count(*) from spent_form_token where token_hash = ?", Long.class, hash))
                .as("kept while the token could still be accepted").isEqualTo(1);
        spent.purgeExpiredAt(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(jdbc.queryForObject("select count(*) from spent_form_token where token_hash = ?", Long.class, hash))
                .isZero();
    }

    /** The token with the unused low bit of its last character flipped. */
    private static String respelled(String token) {
        int last = ALPHABET.indexOf(token.charAt(token.length() - 1));
        return token.substring(0, token.length() - 1) + ALPHABET.charAt(last ^ 1);
    }

    private Api.Response postFeedback(String token, String text) {
        return api.postAs(FORM, "/i/" + initiative + "/feedback", FormPage.body("text", text, "language", "en",
                "stakeholderGroup", "families", "lang", "es", "formToken", token));
    }

    private Api.Response answer(String page, String feedbackId, String token) {
        return api.postAs(FORM, page + "/answer", FormPage.body("feedbackId", feedbackId, "confirmed", "false",
                "correction", "There is a guard, but only in the morning", "lang", "en", "formToken", token),
                "Origin", "null");
    }

    private Api.Response theme(String feedbackId, String back, String token, String themes) {
        return api.postAs(FORM, "/staff/feedback/" + feedbackId + "/themes",
                FormPage.body("themes", themes, "returnTo", back, "formToken", token),
                Api.headers(Api.as("facilitator"), new String[] {"Origin", "http://localhost:" + port}));
    }

    private long events(String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?", Long.class,
                "%." + type);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
