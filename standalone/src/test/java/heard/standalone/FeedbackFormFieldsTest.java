package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import heard.limits.InputLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The participant's forms refuse what the API refuses, by the same declarations, and name the first field to
 * fix in the order the form shows them; a refused post records nothing and leaves its page's token good.
 */
@StandaloneTest
class FeedbackFormFieldsTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    Api api;
    Loop loop;
    @Autowired
    JdbcTemplate jdbc;
    private String initiative;

    @BeforeEach
    void aQuestionWithItsForm() {
        initiative = loop.launchInitiative();
        loop.awaitQuestionPage(initiative);
    }

    @Test
    void eachFieldOverItsCapOrMissingIsNamed() {
        String token = FormPage.token(api.get("/i/" + initiative).body());
        long before = submitted();
        List<Map.Entry<String, Map<String, String>>> refusals = new ArrayList<>();
        refusals.add(Map.entry("text", Map.of("text", " ")));
        refusals.add(Map.entry("text", Map.of("text", "x".repeat(InputLimits.FEEDBACK_TEXT + 1))));
        refusals.add(Map.entry("language", Map.of("language", "")));
        refusals.add(Map.entry("language", Map.of("language", "English")));
        refusals.add(Map.entry("language", Map.of("language", "en-" + "abcdefgh-".repeat(2) + "x")));
        refusals.add(Map.entry("stakeholderGroup", Map.of("stakeholderGroup", "")));
        refusals.add(Map.entry("stakeholderGroup", Map.of("stakeholderGroup", "g".repeat(InputLimits.GROUP_CODE + 1))));
        refusals.add(Map.entry("contact", Map.of("contact", "c".repeat(InputLimits.CONTACT + 1))));
        refusals.add(Map.entry("email", Map.of("email", "e".repeat(InputLimits.EMAIL + 1))));
        refusals.add(Map.entry("mobile", Map.of("mobile", "5".repeat(InputLimits.MOBILE + 1))));
        for (Map.Entry<String, Map<String, String>> refused : refusals) {
            assertThat(postFeedback(token, refused.getValue())).as(refused.getValue().keySet().toString())
                    .endsWith("/i/" + initiative + "?error=" + refused.getKey() + "&lang=en");
        }
        assertThat(postFeedback(token, Map.of("language", "English", "mobile", "5".repeat(InputLimits.MOBILE + 1),
                "text", ""))).as("the first field in the form's order").endsWith("?error=text&lang=en");
        assertThat(submitted()).isEqualTo(before);

        assertThat(postFeedback(token, Map.of())).as("the same token, once the form is right").contains("/r/");
        assertThat(submitted()).isEqualTo(before + 1);
    }

    @Test
    void aCorrectionOverItsCapIsNamed() {
        String receipt = loop.submit(initiative, "The bus is late").get("receiptToken").asText();
        String feedbackId = loop.awaitFeed(receipt, "SUBMITTED").get("feedbackId").asText();
        String token = FormPage.token(api.get("/r/" + receipt).body());

        Api.Response refused = api.postAs(FORM, "/r/" + receipt + "/answer", FormPage.body("feedbackId", feedbackId,
                "confirmed", "false", "correction", "c".repeat(InputLimits.CORRECTION + 1), "lang", "en",
                "formToken", token), "Origin", "null");

        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("?error=correction&lang=en");
    }

    /** The feedback form with good fields but for those {@code changed}; answers where it leads. */
    private String postFeedback(String token, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("text", "More crossing guards", "language", "en",
                "stakeholderGroup", "families", "contact", "", "email", "", "mobile", ""));
        fields.putAll(changed);
        Api.Response posted = api.postAs(FORM, "/i/" + initiative + "/feedback", FormPage.body("text",
                fields.get("text"), "language", fields.get("language"), "stakeholderGroup",
                fields.get("stakeholderGroup"), "contact", fields.get("contact"), "email", fields.get("email"),
                "mobile", fields.get("mobile"), "lang", "en", "formToken", token));
        assertThat(posted.status()).isEqualTo(303);
        return posted.headers().firstValue("Location").orElseThrow();
    }

    private long submitted() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?", Long.class,
                "%FeedbackSubmitted");
    }
}
