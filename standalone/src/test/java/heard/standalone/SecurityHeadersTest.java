package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries the headers that keep pages from running foreign or inline script, being
 * framed, or being sniffed as another type; receipt pages also send no referrer. The pages hold no
 * inline script, style attribute or event handler, which the policy would block.
 */
@StandaloneTest
class SecurityHeadersTest {
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'self'; object-src 'none'";
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|<style[\\s>]|<[a-z][^>]*\\sstyle=|<[a-z][^>]*\\son[a-z]+=",
            Pattern.CASE_INSENSITIVE);

    Api api;
    Loop loop;

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        String initiative = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiative, "<script>alert(1)</script> the bus is late");
        String feedbackId = receipt.get("feedbackId").asText();
        eventually()
                .until(() -> api.get("/r/" + receipt.get("receiptToken").asText()).status() == 200);

        List<Api.Response> pages = List.of(api.get("/"), api.get("/i/" + initiative),
                api.get("/i/" + initiative + "/learnings"), api.get("/i/" + initiative + "/dashboard"),
                api.get("/r/" + receipt.get("receiptToken").asText()),
                api.get("/staff/i/" + initiative, Api.as("facilitator")), api.get("/i/no-such-question", "Accept", "text/html"));
        List<Api.Response> others = List.of(api.get("/api/initiatives"), api.get("/heard.css"),
                api.post("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Read\"}",
                        Api.as("facilitator")),
                api.post("/api/feedback/" + feedbackId + "/themes", "{}"));
        for (Api.Response answer : concat(pages, others)) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(POLICY);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        for (Api.Response page : pages) {
            assertThat(page.contentType()).as(page.body()).startsWith("text/html");
            assertThat(INLINE.matcher(page.body()).results().map(found -> found.group()).toList())
                    .as(page.body()).isEmpty();
        }

        assertThat(api.get("/swagger-ui/index.html").headers().firstValue("Content-Security-Policy"))
                .hasValue(POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
        assertThat(pages.get(4).headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(pages.get(1).headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    private static List<Api.Response> concat(List<Api.Response> a, List<Api.Response> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
