package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Participants who asked for follow-up by SMS get their messages through the gateway adapter, which speaks
 * Twilio's Messages API to a real HTTP server standing in for the gateway: the exact request, retried after the
 * gateway fails, and shown to the administrator with the number masked once it has failed for good.
 */
@StandaloneTest
class FollowUpBySmsTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "the-gateways-secret";
    private static final String FROM = "+15005550006";
    /** The numbers the stand-in gateway refuses, always or the first time only. */
    private static final String REFUSED = "+34622000111";
    private static final String FAILS_ONCE = "+34633000222";

    record Received(String method, String path, String authorization, String contentType, Map<String, String> form) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger(1);
    private static final HttpServer GATEWAY = gateway();

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Received received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), form(body));
                RECEIVED.add(received);
                String to = received.form().getOrDefault("To", "");
                boolean refuse = to.equals(REFUSED) || (to.equals(FAILS_ONCE) && FAILURES_LEFT.getAndDecrement() > 0);
                byte[] answer = (refuse
                        ? "{\"code\": 21211, \"message\": \"The 'To' number " + to + " is not reachable\", \"status\": 400}"
                        : "{\"sid\": \"SM" + RECEIVED.size() + "\", \"status\": \"queued\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(refuse ? 400 : 201, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry properties) {
        properties.add("heard.sms.base-url", () -> "http://localhost:" + GATEWAY.getAddress().getPort());
        properties.add("heard.sms.account-sid", () -> SID);
        properties.add("heard.sms.auth-token", () -> AUTH_TOKEN);
        properties.add("heard.sms.from", () -> FROM);
        properties.add("heard.follow-up.gather", () -> "PT1S");
        properties.add("heard.follow-up.send-every", () -> "PT0.2S");
        properties.add("heard.follow-up.backoff", () -> "PT0.5S");
        properties.add("heard.follow-up.attempts", () -> "2");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void theGatewayReceivesExactlyOneTwilioMessagesRequestPerBurstInTheParticipantsLanguage() {
        Api api = new Api(port);
        String initiativeId = new Loop(api).launchInitiative();
        JsonNode receipt = submit(api, initiativeId, "+34 612 345 678");
        acknowledge(api, receipt);

        Received request = awaitRequests("+34612345678", 1).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsOnlyKeys("To", "From", "Body").containsEntry("From", FROM);
        assertThat(request.form().get("Body")).isEqualTo("Heard: novedades sobre su opinión. Recibimos y leímos su"
                + " opinión. " + receipt.get("receiptUrl").asText() + " Responda STOP para no recibir más.");
        sleep(3_000);
        assertThat(requestsTo("+34612345678")).hasSize(1);
    }

    @Test
    void aFailedSendIsTriedAgainAndOneThatKeepsFailingIsShownMasked() {
        Api api = new Api(port);
        String initiativeId = new Loop(api).launchInitiative();
        acknowledge(api, submit(api, initiativeId, FAILS_ONCE));
        acknowledge(api, submit(api, initiativeId, REFUSED));

        assertThat(awaitRequests(FAILS_ONCE, 2)).hasSize(2);
        awaitRequests(REFUSED, 2);
        JsonNode failure = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/admin/outbox", Api.as("admin")).json().path("failures"), f -> f.size() > 0).get(0);
        assertThat(failure.get("channel").asText()).isEqualTo("SMS");
        assertThat(failure.get("attempts").asInt()).isEqualTo(2);
        assertThat(failure.get("address").asText()).isEqualTo("+34***11");
        assertThat(failure.get("cause").asText()).contains("not reachable").doesNotContain(REFUSED);
        assertThat(api.get("/staff/outbox", Api.as("admin")).body()).doesNotContain(REFUSED);
        sleep(3_000);
        assertThat(requestsTo(FAILS_ONCE)).hasSize(2);
        assertThat(requestsTo(REFUSED)).as("no attempt beyond the last").hasSize(2);

        assertThat(api.post("/api/admin/outbox/retry", "", Api.as("admin")).json().get("retried").asInt())
                .isGreaterThanOrEqualTo(1);
        awaitRequests(REFUSED, 3);
    }

    private static JsonNode submit(Api api, String initiativeId, String mobile) {
        Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": "El autobús llega tarde", "channel": "SMS", "language": "es", "stakeholderGroup": "families",
                 "mobile": "%s", "followUpBySms": true}""".formatted(mobile));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private static void acknowledge(Api api, JsonNode receipt) {
        assertThat(api.post("/api/feedback/" + receipt.get("feedbackId").asText() + "/acknowledgement",
                "{\"message\": \"Gracias\"}", Api.as("facilitator")).status()).isEqualTo(200);
    }

    private static List<Received> awaitRequests(String to, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> requestsTo(to), requests -> requests.size() >= count);
    }

    private static List<Received> requestsTo(String to) {
        return RECEIVED.stream().filter(r -> to.equals(r.form().get("To"))).toList();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).filter(pair -> !pair.isEmpty()).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
