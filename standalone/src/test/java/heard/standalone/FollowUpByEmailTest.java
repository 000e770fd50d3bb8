package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import heard.forms.FormTokens;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Participants who asked for follow-up by e-mail hear of each step of their loop, through a real SMTP server in
 * the test JVM: once per burst of steps, in their language, with their receipt link and a one-click stop, and
 * never with anyone's words. Those who were forgotten hear nothing more, and a rebuild sends nothing again.
 */
@StandaloneTest
class FollowUpByEmailTest {
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "localhost");
        // a context of its own beside the suite's: Quartz keeps its connections per scheduler name for the whole JVM
        properties.add("spring.quartz.scheduler-name", () -> "heard-FollowUpByEmailTest");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        properties.add("heard.follow-up.gather", () -> "PT2S");
        properties.add("heard.follow-up.send-every", () -> "PT0.2S");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    private Api api;
    private Loop loop;

    @Test
    void eachBurstOfStepsIsOneMessageInTheParticipantsLanguageWithTheirLinkAndNoOnesWords() throws Exception {
        String initiativeId = loop.launchInitiative();
        String address = unique("maria") + "@Example.ORG";
        JsonNode receipt = submit(initiativeId, "El autobús de la tarde llega tarde", "es",
                "\"email\": \"" + address + "\", \"followUpByEmail\": true");
        String feedbackId = receipt.get("feedbackId").asText();
        String mailbox = address.replace("Example.ORG", "example.org");

        act("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Gracias, Maria\"}", "facilitator");
        act("/api/feedback/" + feedbackId + "/understanding", "{\"summary\": \"The afternoon bus is late\"}",
                "facilitator");
        MimeMessage first = awaitMessages(mailbox, 1).get(0);

        String body = text(first);
        assertThat(first.getSubject()).isEqualTo("Novedades sobre la opinión que envió");
        assertThat(first.getHeader("Content-Language", null)).isEqualTo("es");
        assertThat(body).contains("Recibimos y leímos su opinión.")
                .contains("díganos si lo entendimos bien")
                .contains(receipt.get("receiptUrl").asText())
                .doesNotContain("autobús", "Gracias", "afternoon bus");
        String stop = "http://localhost:" + port + "/r/" + receipt.get("receiptToken").asText()
                + "/follow-up/stop?channel=EMAIL";
        assertThat(first.getHeader("List-Unsubscribe", null)).isEqualTo("<" + stop + ">");
        assertThat(first.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        List<String> rows = db.queryForList("select id from follow_up_outbox where claim = (select claim from"
                + " follow_up_outbox where feedback_id = ? and kind = 'ACKNOWLEDGED') order by id", String.class,
                feedbackId);
        assertThat(rows).hasSize(2);
        assertThat(first.getHeader("Message-ID", null)).as("made from the message's outbox rows")
                .isEqualTo("<" + UUID.nameUUIDFromBytes(String.join(",", rows).getBytes(StandardCharsets.UTF_8))
                        + ".outbox@localhost>");
        assertThat(api.get("/r/" + receipt.get("receiptToken").asText()).status()).isEqualTo(200);

        JsonNode outbox = api.get("/api/admin/outbox", Api.as("admin")).json();
        assertThat(outbox.at("/channels/0/channel").asText()).isEqualTo("EMAIL");
        assertThat(outbox.at("/channels/0/configured").asBoolean()).isTrue();
        assertThat(outbox.at("/counts/SENT").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/staff/outbox", Api.as("admin")).body()).contains("ready to send")
                .doesNotContain(mailbox);

        publishLearning(initiativeId, feedbackId);
        List<MimeMessage> both = awaitMessages(mailbox, 2);
        assertThat(text(both.get(1))).contains("Publicamos lo que aprendimos")
                .doesNotContain("Recibimos");
        assertThat(both.get(1).getHeader("Message-ID", null)).endsWith(".outbox@localhost>")
                .isNotEqualTo(first.getHeader("Message-ID", null));
        assertNothingMoreArrives(mailbox, 2);
    }

    @Test
    void anEnglishSpeakerIsWrittenToInEnglishAndAnOlderClientsContactStillChoosesTheChannel() throws Exception {
        String initiativeId = loop.launchInitiative();
        String address = unique("sam") + "@example.org";
        JsonNode receipt = submit(initiativeId, "The crossing has no guard", "en",
                "\"contact\": \"" + address + "\", \"followUpConsent\": true");

        act("/api/feedback/" + receipt.get("feedbackId").asText() + "/acknowledgement", "{\"message\": \"Thanks\"}",
                "facilitator");

        MimeMessage message = awaitMessages(address, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("News about the feedback you sent");
        assertThat(message.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(text(message)).contains("Your feedback was received and read.")
                .contains(receipt.get("receiptUrl").asText()).doesNotContain("crossing");
    }

    @Test
    void aForgottenParticipantHearsNothingMore() throws Exception {
        String initiativeId = loop.launchInitiative();
        String forgotten = unique("gone") + "@example.org";
        String remembered = unique("stays") + "@example.org";
        JsonNode gone = submit(initiativeId, "Forget me", "en", "\"email\": \"" + forgotten + "\", \"followUpByEmail\": true");
        JsonNode stays = submit(initiativeId, "Keep me", "en", "\"email\": \"" + remembered + "\", \"followUpByEmail\": true");

        act("/api/feedback/" + gone.get("feedbackId").asText() + "/acknowledgement", "{\"message\": \"Thanks\"}",
                "facilitator");
        assertThat(api.post("/api/receipts/forget", "", "X-Receipt-Token", gone.get("receiptToken").asText()).status())
                .isBetween(200, 204);
        publishLearning(initiativeId, gone.get("feedbackId").asText(), stays.get("feedbackId").asText());

        awaitMessages(remembered, 1);
        assertNothingMoreArrives(forgotten, 0);
        assertThat(db.queryForObject("select count(*) from follow_up_contact where feedback_id = ?", Integer.class,
                gone.get("feedbackId").asText())).isZero();
    }

    @Test
    void theAddressIsStoredOnlyEncrypted() {
        String initiativeId = loop.launchInitiative();
        String address = unique("sealed") + "@example.org";
        JsonNode receipt = submit(initiativeId, "Sealed", "en", "\"email\": \"" + address + "\", \"followUpByEmail\": true, "
                + "\"mobile\": \"+34 612 345 678\", \"followUpBySms\": true");
        String feedbackId = receipt.get("feedbackId").asText();
        eventually().until(() -> db.queryForObject(
                "select count(*) from follow_up_contact where feedback_id = ?", Integer.class, feedbackId) == 2);

        List<String> stored = new ArrayList<>(db.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, feedbackId).stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
        stored.addAll(db.queryForList("select address || receipt_token from follow_up_contact where feedback_id = ?",
                String.class, feedbackId));
        assertThat(stored).hasSize(5).noneMatch(text -> text.contains(address) || text.contains("612345678")
                || text.contains(receipt.get("receiptToken").asText()));
    }

    @Test
    void aRebuildOfTheReadModelsSendsNothingAgain() throws Exception {
        String initiativeId = loop.launchInitiative();
        String address = unique("rebuild") + "@example.org";
        JsonNode receipt = submit(initiativeId, "Once", "en", "\"email\": \"" + address + "\", \"followUpByEmail\": true");
        act("/api/feedback/" + receipt.get("feedbackId").asText() + "/acknowledgement", "{\"message\": \"Thanks\"}",
                "facilitator");
        awaitMessages(address, 1);

        for (JsonNode projection : api.get("/api/admin/projections", Api.as("admin")).json()) {
            assertThat(projection.get("name").asText()).isNotEqualTo("follow-up");
        }
        assertThat(api.post("/api/admin/projections/returned-learning/replay", "", Api.as("admin")).status())
                .isLessThan(300);
        assertThat(api.post("/api/admin/projections/follow-up/replay", "", Api.as("admin")).status()).isEqualTo(404);
        loop.awaitFeed(receipt.get("receiptToken").asText(), "ACKNOWLEDGED");
        assertNothingMoreArrives(address, 1);
    }

    @Test
    void oneClickInTheMailClientStopsEverythingAfterIt() throws Exception {
        String initiativeId = loop.launchInitiative();
        String address = unique("stop") + "@example.org";
        JsonNode receipt = submit(initiativeId, "Stop later", "en", "\"email\": \"" + address + "\", \"followUpByEmail\": true");
        String feedbackId = receipt.get("feedbackId").asText();
        String token = receipt.get("receiptToken").asText();
        act("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Thanks\"}", "facilitator");
        String header = awaitMessages(address, 1).get(0).getHeader("List-Unsubscribe", null);
        String stop = header.substring(1, header.length() - 1).replace("http://localhost:" + port, "");
        assertThat(api.get("/r/" + token + "?lang=en").body()).contains("By e-mail to s***@example.org")
                .contains("<strong>on</strong>").doesNotContain(address);

        assertThat(api.postAs("application/x-www-form-urlencoded", stop, "List-Unsubscribe=One-Click").status())
                .isEqualTo(200);
        assertThat(api.postAs("application/x-www-form-urlencoded", stop, "List-Unsubscribe=One-Click").status())
                .as("a mail client may post twice").isEqualTo(200);
        eventually().until(() -> api.get("/r/" + token + "?lang=en").body()
                .contains("<strong>stopped</strong>"));
        act("/api/feedback/" + feedbackId + "/understanding", "{\"summary\": \"Stop later\"}", "facilitator");
        publishLearning(initiativeId, feedbackId);
        assertNothingMoreArrives(address, 1);
    }

    @Test
    void theReceiptPageTurnsTheMessagesBackOnInEitherLanguageAndTheNextStepIsToldAgain() throws Exception {
        String initiativeId = loop.launchInitiative();
        String address = unique("again") + "@example.org";
        JsonNode receipt = submit(initiativeId, "Vuelvan a escribirme", "es",
                "\"email\": \"" + address + "\", \"followUpByEmail\": true");
        String feedbackId = receipt.get("feedbackId").asText();
        String page = "/r/" + receipt.get("receiptToken").asText();
        act("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Gracias\"}", "facilitator");
        awaitMessages(address, 1);

        String spanish = eventually().until(() -> api.get(page).body(),
                body -> body.contains("<strong>activos</strong>"));
        assertThat(spanish).contains("Dejar de recibir correos")
                .doesNotContain("Volver a recibir correos");
        Api.Response stopped = postForm(page + "/follow-up/stop", "channel", "EMAIL", "formToken",
                FormPage.token(spanish), "lang", "es");
        assertThat(stopped.status()).isEqualTo(303);
        assertThat(stopped.headers().firstValue("Location").orElseThrow()).contains("followUp=stopped", "lang=es");
        String stoppedPage = eventually()
                .until(() -> api.get(page + "?lang=es").body(), body -> body.contains("<strong>detenidos</strong>"));
        assertThat(stoppedPage).contains("Volver a recibir correos").doesNotContain("Dejar de recibir correos");
        assertThat(api.get(page + "?lang=en").body()).contains("<strong>stopped</strong>", "E-mail me again");

        Api.Response resumed = postForm(page + "/follow-up/resume", "channel", "EMAIL", "formToken",
                FormPage.token(stoppedPage), "lang", "es");
        assertThat(resumed.status()).isEqualTo(303);
        assertThat(resumed.headers().firstValue("Location").orElseThrow()).contains("followUp=resumed", "lang=es");
        assertThat(eventsOf(feedbackId)).endsWith("FollowUpStopped", "FollowUpResumed");
        eventually()
                .until(() -> api.get(page + "?followUp=resumed&lang=es").body(),
                        body -> body.contains("<strong>activos</strong>")
                                && body.contains("Hecho: le volveremos a escribir por ahí"));
        assertThat(api.get(page + "?followUp=resumed&lang=en").body())
                .contains("Done: we will write to you there again", "<strong>on</strong>", "Stop the e-mails");

        act("/api/feedback/" + feedbackId + "/understanding", "{\"summary\": \"Write again\"}", "facilitator");
        assertThat(text(awaitMessages(address, 2).get(1))).contains("díganos si lo entendimos bien")
                .doesNotContain("Recibimos");
        assertNothingMoreArrives(address, 2);
    }

    @Test
    void aResumeThatIsMalformedMissingExpiredOversizedOrForgottenRecordsNothing() {
        String initiativeId = loop.launchInitiative();
        JsonNode receipt = submit(initiativeId, "Stay stopped", "en",
                "\"email\": \"" + unique("quiet") + "@example.org\", \"followUpByEmail\": true");
        String feedbackId = receipt.get("feedbackId").asText();
        String page = "/r/" + receipt.get("receiptToken").asText();
        String resume = page + "/follow-up/resume";
        assertThat(api.postAs("application/x-www-form-urlencoded", page + "/follow-up/stop?channel=EMAIL",
                "List-Unsubscribe=One-Click").status()).isEqualTo(200);
        String stoppedPage = eventually().until(() -> api.get(page + "?lang=en").body(),
                body -> body.contains("<strong>stopped</strong>"));
        String token = FormPage.token(stoppedPage);
        List<String> before = eventsOf(feedbackId);

        assertField(postForm(resume, "formToken", token), 400, "channel");
        assertField(postForm(resume, "channel", "", "formToken", token), 400, "channel");
        assertField(postForm(resume, "channel", "PIGEON", "formToken", token), 400, "channel");
        assertField(postForm(resume, "channel", "E".repeat(5_000), "formToken", token), 400, "channel");
        assertThat(postForm(resume, "channel", "EMAIL", "formToken", token, "x", "y".repeat(70_000)).status())
                .isEqualTo(413);
        for (String unsigned : new String[] {"", "not-a-token", expiredToken(FormTokens.answerForm(feedbackId)),
                FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                        .issue(FormTokens.answerForm("another-feedback"))}) {
            Api.Response refused = postForm(resume, "channel", "EMAIL", "formToken", unsigned);
            assertThat(refused.status()).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("error=expired");
        }
        Api.Response fromElsewhere = api.postAs("application/x-www-form-urlencoded", resume,
                FormPage.body("channel", "EMAIL", "formToken", token), "Origin", "https://elsewhere.example");
        assertThat(fromElsewhere.headers().firstValue("Location").orElseThrow()).contains("error=expired");
        assertThat(postForm("/r/NoSuchReceiptToken000/follow-up/resume", "channel", "EMAIL", "formToken", token)
                .status()).isEqualTo(404);
        assertThat(postForm("/r/not-a-token/follow-up/resume", "channel", "EMAIL", "formToken", token).status())
                .isEqualTo(404);
        assertThat(eventsOf(feedbackId)).isEqualTo(before);

        assertThat(api.post("/api/receipts/forget", "", "X-Receipt-Token", receipt.get("receiptToken").asText())
                .status()).isBetween(200, 204);
        assertThat(postForm(resume, "channel", "EMAIL", "formToken", token).status()).isEqualTo(303);
        assertThat(eventsOf(feedbackId)).endsWith("FollowUpStopped", "ParticipantForgotten");
        eventually().until(() -> !api.get(page + "?lang=en").body()
                .contains("id=\"follow-up\""));
    }

    @Test
    void aStopWithoutItsReceiptOrWithABadChannelIsRefusedAndRecordsNothing() {
        String initiativeId = loop.launchInitiative();
        JsonNode receipt = submit(initiativeId, "Keep going", "en",
                "\"email\": \"" + unique("keep") + "@example.org\", \"followUpByEmail\": true");
        String stop = "/r/" + receipt.get("receiptToken").asText() + "/follow-up/stop";
        long before = events();

        assertThat(api.postAs("application/x-www-form-urlencoded", "/r/NoSuchReceiptToken000/follow-up/stop",
                "List-Unsubscribe=One-Click").status()).isEqualTo(404);
        assertThat(api.postAs("application/x-www-form-urlencoded", "/r/not-a-token/follow-up/stop",
                "List-Unsubscribe=One-Click").status()).isEqualTo(404);
        assertField(api.postAs("application/x-www-form-urlencoded", stop + "?channel=PIGEON",
                "List-Unsubscribe=One-Click"), 400, "channel");
        Api.Response unsigned = api.postAs("application/x-www-form-urlencoded", stop, "channel=EMAIL");
        assertThat(unsigned.status()).isEqualTo(303);
        assertThat(unsigned.headers().firstValue("Location").orElseThrow()).contains("error=expired");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anAddressThatCannotBeOneIsRefusedNamingItsFieldAndRecordsNothing() {
        String initiativeId = loop.launchInitiative();
        String feedback = "/api/initiatives/" + initiativeId + "/feedback";
        String base = "{\"text\": \"Hi\", \"channel\": \"WEB\", \"language\": \"en\", \"stakeholderGroup\": \"families\", ";
        long before = events();

        assertField(api.post(feedback, base + "\"mobile\": \"+34 912 345 678\", \"followUpBySms\": true}"), 422, "mobile");
        assertField(api.post(feedback, base + "\"followUpByEmail\": true}"), 422, "email");
        assertField(api.post(feedback, base + "\"email\": \"maria@\", \"followUpByEmail\": true}"), 422, "email");
        assertField(api.post(feedback, base + "\"email\": \"" + "m".repeat(250) + "@example.org\"}"), 422, "email");
        assertField(api.post(feedback, base + "\"mobile\": \"" + "6".repeat(41) + "\"}"), 422, "mobile");
        assertField(api.post(feedback, base + "\"followUpBySms\": \"please\"}"), 400, "followUpBySms");
        assertThat(api.post(feedback, base + "\"email\": \"x@example.org\", \"followUpByEmail\": true")
                .status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    private Api.Response postForm(String path, String... pairs) {
        return api.postAs("application/x-www-form-urlencoded", path, FormPage.body(pairs),
                "Origin", "http://localhost:" + port);
    }

    /** The simple names of the feedback's events, in order. */
    private List<String> eventsOf(String feedbackId) {
        return db.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number", String.class, feedbackId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static String expiredToken(String purpose) {
        return new FormTokens(StandaloneTest.FORM_SECRET.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC), Duration.ofHours(8))
                .issue(purpose);
    }

    private long events() {
        return db.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(field);
    }

    private JsonNode submit(String initiativeId, String text, String language, String followUp) {
        Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": %s, "channel": "WEB", "language": "%s", "stakeholderGroup": "families", %s}"""
                .formatted(Loop.quote(text), language, followUp));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private void act(String path, String body, String user) {
        Api.Response response = api.post(path, body, Api.as(user));
        assertThat(response.status()).as(response.body()).isLessThan(300);
    }

    private void publishLearning(String initiativeId, String... feedbackIds) {
        act("/api/initiatives/" + initiativeId + "/learnings", """
                {"title": "Afternoon buses", "whatWeHeard": "The afternoon bus runs late",
                 "whatWeDecided": "The route starts earlier", "whatWeLearned": "It was the afternoon",
                 "whatsNext": "We ask again in six weeks", "feedbackIds": %s}"""
                .formatted(Arrays.stream(feedbackIds).map(id -> "\"" + id + "\"").toList()), "leader");
    }

    private static List<MimeMessage> awaitMessages(String address, int count) {
        return eventually()
                .until(() -> to(address), messages -> messages.size() >= count);
    }

    /** Longer than a burst's gathering and several rounds of the sender. */
    private static void assertNothingMoreArrives(String address, int count) throws Exception {
        Thread.sleep(5_000);
        assertThat(to(address)).hasSize(count);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text as the participant reads it, its transfer encoding undone. */
    private static String text(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
