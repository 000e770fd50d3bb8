package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Anonymous submissions and answers from one address are limited (here to 3 at once, one more a
 * minute); staff are not, unless what they post is the participant's form. The limiter's clock is moved by hand, so the refill is exact.
 */
@SpringBootTest(classes = HeardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"heard.data-dir=target/test-data/${random.uuid}", "heard.demo-data=false",
                "heard.rate-limit.submissions.capacity=3", "heard.rate-limit.submissions.refill-per-minute=1",
                // Quartz keeps schedulers and their connections by name, JVM-wide: this context's own name
                // keeps the suite's shared context on its own database
                "spring.quartz.scheduler-name=heard-rate-limit-test"})
@Import(SubmissionRateLimitTest.HandMovedClock.class)
class SubmissionRateLimitTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        ManualTime limiterTime() {
            return new ManualTime();
        }
    }

    /** Time that moves only when the test says so. */
    static final class ManualTime implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManualTime time;

    @Test
    void theFourthAnonymousSubmissionWaitsForTheRefillWhileStaffGoOn() {
        Api api = new Api(port);
        Loop loop = new Loop(api);
        String initiative = loop.launchInitiative();
        loop.awaitQuestionPage(initiative);
        // a fresh page for each post, as a browser posts the page it shows: a form's token is good for one post
        Supplier<String> formToken = () -> FormPage.token(api.get("/i/" + initiative).body());

        JsonNode first = loop.submit(initiative, "The crossing has no guard");
        loop.submit(initiative, "The bus is late");
        Api.Response byForm = api.postAs(FORM, "/i/" + initiative + "/feedback", FormPage.body("text", "No bike racks",
                "language", "en", "stakeholderGroup", "families", "formToken", formToken.get()));
        assertThat(byForm.headers().firstValue("Location").orElseThrow()).contains("/r/", "submitted=true");
        long recorded = submissions();

        Api.Response refused = api.post("/api/initiatives/" + initiative + "/feedback", """
                {"text": "One more", "channel": "WEB", "language": "en", "stakeholderGroup": "families"}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        Api.Response refusedForm = api.postAs(FORM, "/i/" + initiative + "/feedback", FormPage.body("text",
                "One more", "language", "en", "stakeholderGroup", "families", "formToken", formToken.get(), "lang", "es"));
        assertThat(refusedForm.status()).isEqualTo(303);
        assertThat(refusedForm.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/i/" + initiative + "?error=busy&lang=es"));
        assertThat(api.get("/i/" + initiative + "?error=busy&lang=es").body())
                .contains("Hemos recibido muchos mensajes desde su red");
        // a browser holding a facilitator's credentials sends them with the participant's form too: still limited
        Api.Response withStaffCredentials = api.postAs(FORM, "/i/" + initiative + "/feedback", FormPage.body("text",
                "One more", "language", "en", "stakeholderGroup", "families", "formToken", formToken.get()),
                Api.as("facilitator"));
        assertThat(withStaffCredentials.headers().firstValue("Location").orElseThrow()).contains("error=busy");
        Api.Response refusedAnswer = api.post("/api/feedback/" + first.get("feedbackId").asText()
                + "/understanding/response", "{\"confirmed\": true}",
                "X-Receipt-Token", first.get("receiptToken").asText());
        assertThat(refusedAnswer.status()).isEqualTo(429);
        assertThat(submissions()).isEqualTo(recorded);

        for (int i = 0; i < 4; i++) {
            loop.submit(initiative, "Recorded by a facilitator at the meeting", Api.as("facilitator"));
        }
        assertThat(submissions()).isEqualTo(recorded + 4);

        time.advance(Duration.ofSeconds(59));
        assertThat(api.post("/api/initiatives/" + initiative + "/feedback", """
                {"text": "Still too soon", "channel": "WEB", "language": "en", "stakeholderGroup": "families"}""")
                .headers().firstValue("Retry-After")).hasValue("1");
        time.advance(Duration.ofSeconds(1));
        loop.submit(initiative, "After a minute, one more");
        assertThat(submissions()).isEqualTo(recorded + 5);
    }

    private long submissions() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%FeedbackSubmitted'",
                Long.class);
    }
}
