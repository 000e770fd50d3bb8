package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff's daily digest, through a real SMTP server in the test JVM and the app's own Quartz trigger, fired by
 * hand: nothing while nothing waits; then exactly one digest per facilitator with an e-mail address, in their
 * language, with the counts of what waits and links to the console, and never a participant's words or
 * contact; and a second firing the same day sends no second digest.
 */
@StandaloneTest
class StaffDigestTest {
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final JobKey DIGEST = JobKey.jobKey("staff-digest", "heard");

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "localhost");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        properties.add("spring.quartz.scheduler-name", () -> "heard-StaffDigestTest");
        properties.add("heard.follow-up.send-every", () -> "PT0.2S");
        // never by itself while the test runs: the test fires the trigger's job
        properties.add("heard.follow-up.digest.cron", () -> "0 0 7 1 1 ? 2099");
        user(properties, "dana", "FACILITATOR", "dana@example.org", "es");
        user(properties, "eli", "FACILITATOR", "eli@example.org", null);
        user(properties, "finn", "FACILITATOR", null, null);
        user(properties, "gus", "ANALYST", "gus@example.org", "en");
    }

    private static void user(DynamicPropertyRegistry properties, String name, String role, String email,
            String language) {
        properties.add("heard.security.users." + name + ".password", () -> "{noop}" + name + "-digest-password");
        properties.add("heard.security.users." + name + ".roles", () -> role);
        if (email != null) {
            properties.add("heard.security.users." + name + ".email", () -> email);
        }
        if (language != null) {
            properties.add("heard.security.users." + name + ".language", () -> language);
        }
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Scheduler quartz;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void eachFacilitatorHearsOnceADayOfWhatWaitsInTheirLanguageAndNothingWhenNothingWaits() throws Exception {
        Api api = new Api(port);
        Loop loop = new Loop(api);
        fireAndAwaitHandled();
        Thread.sleep(2_000);
        assertThat(MAIL.getReceivedMessages()).as("nothing waits yet").isEmpty();
        assertThat(db.queryForObject("select count(*) from staff_digest", Integer.class)).isZero();

        String initiativeId = loop.launchInitiative();
        String quiet = loop.launchInitiative();
        loop.submit(quiet, "Nothing waits here");
        String late = submit(api, initiativeId, "A family's own words, late");
        String later = submit(api, initiativeId, "Another family's words, late");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from inbox_item where feedback_id in (?, ?)", Integer.class, late, later) == 2);
        // their acknowledgement promise runs out
        assertThat(db.update("update inbox_item set acknowledge_by = ? where feedback_id in (?, ?)",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), late, later)).isEqualTo(2);
        JsonNode corrected = loop.submit(initiativeId, "The words a family corrected");
        String correctedId = corrected.get("feedbackId").asText();
        act(api, "/api/feedback/" + correctedId + "/acknowledgement", "{\"message\": \"Thanks\"}", "facilitator");
        act(api, "/api/feedback/" + correctedId + "/understanding", "{\"summary\": \"A summary\"}", "facilitator");
        assertThat(api.post("/api/feedback/" + correctedId + "/understanding/response",
                "{\"confirmed\": false, \"correction\": \"Not what I said\"}", "X-Receipt-Token",
                corrected.get("receiptToken").asText()).status()).isLessThan(300);
        String decisionId = reviewDue(api, initiativeId, correctedId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from inbox_item where feedback_id = ? and status = 'CORRECTED'", Integer.class,
                correctedId) == 1);

        fireAndAwaitHandled();
        MimeMessage dana = awaitOneTo("dana@example.org");
        MimeMessage eli = awaitOneTo("eli@example.org");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String console = "http://localhost:" + port + "/staff/i/" + initiativeId;
        assertThat(dana.getSubject()).isEqualTo("Heard: lo que le espera el " + today);
        assertThat(dana.getHeader("Content-Language", null)).isEqualTo("es");
        assertThat((String) dana.getContent()).contains("Hola, dana:",
                "Pasado el plazo prometido para acusar recibo: 2", console + "?overdue=true",
                "Resúmenes corregidos por participantes que esperan un resumen nuevo: 1", console + "/corrected",
                "Decisiones cuya revisión ha vencido: 1",
                "Earlier afternoon buses: http://localhost:" + port + "/decisions/" + decisionId);
        assertThat(eli.getSubject()).isEqualTo("Heard: what waits for you on " + today);
        assertThat((String) eli.getContent()).contains("Hello eli,",
                "Past the acknowledgement promise: 2", console + "?overdue=true",
                "Summaries corrected by participants, waiting for a new summary: 1", "Decisions whose review is due: 1")
                .doesNotContain(quiet);
        for (MimeMessage digest : List.of(dana, eli)) {
            assertThat((String) digest.getContent()).doesNotContain("words", "Not what I said", "A summary",
                    "+1 555 0100", "5550100");
        }
        assertThat(dana.getHeader("Message-ID", null)).isEqualTo("<" + UUID.nameUUIDFromBytes(("dana/" + today)
                .getBytes(StandardCharsets.UTF_8)) + ".digest@localhost>");

        fireAndAwaitHandled();
        Thread.sleep(3_000);
        assertThat(MAIL.getReceivedMessages()).as("one digest each, to facilitators with an address")
                .hasSize(2);
        assertThat(db.queryForList("select account_id || ' ' || status from staff_digest order by account_id",
                String.class)).containsExactly("dana SENT", "eli SENT");
    }

    /** Fires the digest's job as its trigger would, and waits until the follow-up process handled what it recorded. */
    private void fireAndAwaitHandled() throws Exception {
        String count = "select count(*) from domain_event_entry where payload_type = 'heard.events.StaffDigestDue'";
        int before = db.queryForObject(count, Integer.class);
        quartz.triggerJob(DIGEST);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(count, Integer.class) > before);
        long index = db.queryForObject("select max(global_index) from domain_event_entry"
                + " where payload_type = 'heard.events.StaffDigestDue'", Long.class);
        StreamingEventProcessor followUp = processing.eventProcessor("follow-up", StreamingEventProcessor.class)
                .orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !followUp.processingStatus().isEmpty() && followUp.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= index));
    }

    private static MimeMessage awaitOneTo(String address) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(address), messages -> messages.size() == 1).get(0);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String submit(Api api, String initiativeId, String text) {
        return new Loop(api).submit(initiativeId, text).get("feedbackId").asText();
    }

    private static void act(Api api, String path, String body, String user) {
        Api.Response response = api.post(path, body, Api.as(user));
        assertThat(response.status()).as(response.body()).isLessThan(300);
    }

    /** A decision proposed on the feedback, whose review date passed without an assessment, as its deadline records. */
    private String reviewDue(Api api, String initiativeId, String feedbackId) {
        Api.Response proposed = api.post("/api/initiatives/" + initiativeId + "/decisions", """
                {"title": "Earlier afternoon buses", "hypothesis": "If buses leave earlier, fewer wait alone",
                 "expectedOutcome": "Waits under 10 minutes", "engagementLevel": "CONSULT", "reviewBy": "2099-06-01",
                 "evidence": ["%s"], "rationale": "Families told us"}""".formatted(feedbackId), Api.as("leader"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String decisionId = proposed.json().get("decisionId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from decision_version where decision_id = ?", Integer.class, decisionId) == 1);
        db.update("insert into decision_review_due (review_id, decision_id, initiative_id, version, sequence,"
                + " review_by, at, author) values (?, ?, ?, 1, 99, ?, ?, 'system')", decisionId + ":99", decisionId,
                initiativeId, java.sql.Date.valueOf(LocalDate.now().minusDays(1)), Timestamp.from(Instant.now()));
        return decisionId;
    }
}
