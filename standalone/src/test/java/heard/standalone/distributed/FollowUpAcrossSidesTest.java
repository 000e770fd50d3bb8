package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import heard.standalone.Api;
import heard.standalone.Loop;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The loop across the split sides, with an e-mail participant and an SMS participant: the command side records,
 * the query side (which owns the outbox) sends, through GreenMail and a local stand-in for the SMS gateway.
 * Each step is told once, in the participant's language, with a receipt link that opens on the query side;
 * a rebuild of the query side's read models sends nothing again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpAcrossSidesTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    private final Topology topology = Topology.fresh("followup", "heard.events.followup");
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;

    @BeforeAll
    void start() throws IOException {
        mail.start();
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            texts.add(URLDecoder.decode(body, StandardCharsets.UTF_8));
            byte[] answer = "{\"sid\": \"SM1\", \"status\": \"queued\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        commandSide = topology.commandSide();
        querySide = topology.querySide("--spring.mail.host=localhost",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--heard.sms.base-url=http://localhost:" + gateway.getAddress().getPort(),
                "--heard.sms.account-sid=AC1", "--heard.sms.auth-token=secret", "--heard.sms.from=+15005550006",
                "--heard.follow-up.gather=PT3S", "--heard.follow-up.send-every=PT0.2S");
    }

    @AfterAll
    void stop() {
        Topology.close(querySide, commandSide);
        gateway.stop(0);
        mail.stop();
    }

    @Test
    void eachStepReachesTheEmailAndTheSmsParticipantOnceWithALinkThatOpensOnTheQuerySide() throws Exception {
        Api commands = new Api(Topology.port(commandSide));
        Api reads = new Api(Topology.port(querySide));
        String initiativeId = new Loop(commands, reads).launchInitiative();
        JsonNode byEmail = submit(commands, initiativeId, "es", "\"email\": \"ana@example.org\", \"followUpByEmail\": true");
        JsonNode bySms = submit(commands, initiativeId, "en", "\"mobile\": \"+44 7400 123456\", \"followUpBySms\": true");

        for (JsonNode receipt : List.of(byEmail, bySms)) {
            String feedback = "/api/feedback/" + receipt.get("feedbackId").asText();
            act(commands, feedback + "/acknowledgement", "{\"message\": \"Thanks\"}", "facilitator");
            act(commands, feedback + "/understanding", "{\"summary\": \"The bus is late\"}", "facilitator");
        }
        act(commands, "/api/initiatives/" + initiativeId + "/learnings", """
                {"title": "Buses", "whatWeHeard": "Late buses", "whatWeDecided": "Earlier routes",
                 "whatWeLearned": "Afternoons", "whatsNext": "Ask again", "feedbackIds": ["%s", "%s"]}"""
                .formatted(byEmail.get("feedbackId").asText(), bySms.get("feedbackId").asText()), "leader");

        List<String> spanish = List.of("Recibimos y leímos su opinión.", "díganos si lo entendimos bien",
                "Publicamos lo que aprendimos");
        String emails = Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                .until(() -> String.join("\n", emailsTo("ana@example.org")),
                        all -> spanish.stream().allMatch(all::contains));
        List<String> english = List.of("Your feedback was received and read.", "please tell us whether we got it right",
                "We have published what we learned");
        String sms = Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                .until(() -> String.join("\n", texts), all -> english.stream().allMatch(all::contains));
        Thread.sleep(5_000);
        assertThat(String.join("\n", emailsTo("ana@example.org"))).isEqualTo(emails);
        assertThat(String.join("\n", texts)).isEqualTo(sms);
        spanish.forEach(line -> assertThat(emails.split(line, -1)).as(line).hasSize(2));
        english.forEach(line -> assertThat(sms.split(line, -1)).as(line).hasSize(2));
        assertThat(emails + sms).doesNotContain("The bus is late", "Thanks", "Late buses");

        String emailLink = "http://localhost:" + Topology.port(querySide) + "/r/" + byEmail.get("receiptToken").asText();
        String smsLink = "http://localhost:" + Topology.port(querySide) + "/r/" + bySms.get("receiptToken").asText();
        assertThat(emails).contains(emailLink);
        assertThat(sms).contains(smsLink).contains("To=+447400123456");
        assertThat(reads.get("/r/" + byEmail.get("receiptToken").asText()).status()).isEqualTo(200);

        int emailsBefore = mail.getReceivedMessages().length;
        int textsBefore = texts.size();
        assertThat(reads.post("/api/admin/projections/returned-learning/replay", "", Api.as("admin")).status())
                .isEqualTo(202);
        Thread.sleep(5_000);
        assertThat(mail.getReceivedMessages()).hasSize(emailsBefore);
        assertThat(texts).hasSize(textsBefore);
    }

    private static JsonNode submit(Api commands, String initiativeId, String language, String followUp) {
        Api.Response submitted = commands.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": "The bus is late", "channel": "WEB", "language": "%s", "stakeholderGroup": "families", %s}"""
                .formatted(language, followUp));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private static void act(Api commands, String path, String body, String user) {
        Api.Response response = commands.post(path, body, Api.as(user));
        assertThat(response.status()).as(response.body()).isLessThan(300);
    }

    private List<String> emailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> to(message, address)).map(message -> {
            try {
                return (String) message.getContent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
