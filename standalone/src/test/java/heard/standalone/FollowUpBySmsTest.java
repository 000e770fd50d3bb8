package heard.standalone;

import static heard.standalone.Eventually.eventually;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
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

    record Received(String method, String path, String authorization, String contentType, Map<String, String> form,
            String sid) {
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
                        exchange.getRequestHeaders().getFirst("Content-Type"), form(body),
                        "SM" + UUID.randomUUID().toString().replace("-", ""));
                RECEIVED.add(received);
                String to = received.form().getOrDefault("To", "");
                boolean refuse = to.equals(REFUSED) || (to.equals(FAILS_ONCE) && FAILURES_LEFT.getAndDecrement() > 0);
                byte[] answer = (refuse
                        ? "{\"code\": 21211, \"message\": \"The 'To' number " + to + " is not reachable\", \"status\": 400}"
                        : "{\"sid\": \"" + received.sid() + "\", \"status\": \"queued\"}")
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
        // a context of its own beside the suite's: Quartz keeps its connections per scheduler name for the whole JVM
        properties.add("spring.quartz.scheduler-name", () -> "heard-FollowUpBySmsTest");
        properties.add("heard.sms.account-sid", () -> SID);
        properties.add("heard.sms.auth-token", () -> AUTH_TOKEN);
        properties.add("heard.sms.from", () -> FROM);
        properties.add("heard.sms.status-callback-url", () -> STATUS_CALLBACK);
        properties.add("heard.follow-up.gather", () -> "PT1S");
        properties.add("heard.follow-up.send-every", () -> "PT0.2S");
        properties.add("heard.follow-up.backoff", () -> "PT0.5S");
        properties.add("heard.follow-up.attempts", () -> "2");
        // texts beginning with BUS, and texts to the sending number, are feedback for the initiative a test launched
        properties.add("heard.sms.routes[0].code", () -> "BUS");
        properties.add("heard.sms.routes[0].initiative", ROUTED::get);
        properties.add("heard.sms.routes[0].group", () -> "families");
        properties.add("heard.sms.routes[0].language", () -> "es");
        properties.add("heard.sms.routes[1].number", () -> FROM);
        properties.add("heard.sms.routes[1].initiative", ROUTED::get);
        properties.add("heard.sms.routes[1].group", () -> "families");
        properties.add("heard.sms.routes[1].language", () -> "en");
    }

    private static final String STATUS_CALLBACK = "https://heard.example.org/api/sms/status";
    private static final AtomicReference<String> ROUTED = new AtomicReference<>("none yet");

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @LocalServerPort
    int port;
    Api api;
    @Autowired
    JdbcTemplate db;

    @Test
    void theGatewayReceivesExactlyOneTwilioMessagesRequestPerBurstInTheParticipantsLanguage() {
        String initiativeId = new Loop(api).launchInitiative();
        JsonNode receipt = submit(api, initiativeId, "+34 612 345 678");
        acknowledge(api, receipt);

        Received request = awaitRequests("+34612345678", 1).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsOnlyKeys("To", "From", "Body", "StatusCallback").containsEntry("From", FROM)
                .containsEntry("StatusCallback", STATUS_CALLBACK);
        assertThat(request.form().get("Body")).isEqualTo("Heard: novedades sobre su opinión. Recibimos y leímos su"
                + " opinión. " + receipt.get("receiptUrl").asText() + " Responda STOP para no recibir más.");
        Pause.sleep(Duration.ofSeconds(3));
        assertThat(requestsTo("+34612345678")).hasSize(1);

        long delivered = count(api, "DELIVERED");
        Map<String, String> report = Map.of("MessageSid", request.sid(), "MessageStatus", "delivered",
                "AccountSid", SID);
        assertThat(api.postAs("application/x-www-form-urlencoded", "/api/sms/status", encoded(report),
                "X-Twilio-Signature", signature(AUTH_TOKEN, STATUS_CALLBACK, report)).status()).isEqualTo(200);
        assertThat(count(api, "DELIVERED")).isEqualTo(delivered + 1);
        Map<String, String> forged = Map.of("MessageSid", request.sid(), "MessageStatus", "undelivered");
        Api.Response refused = api.postAs("application/x-www-form-urlencoded", "/api/sms/status", encoded(forged),
                "X-Twilio-Signature", signature("another-token", STATUS_CALLBACK, forged));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.postAs("application/x-www-form-urlencoded", "/api/sms/status", encoded(forged)).status())
                .isEqualTo(403);
        assertThat(count(api, "DELIVERED")).isEqualTo(delivered + 1);
    }

    private static long count(Api api, String status) {
        return api.get("/api/admin/outbox", Api.as("admin")).json().at("/counts/" + status).asLong();
    }

    @Test
    void aFailedSendIsTriedAgainAndOneThatKeepsFailingIsShownMasked() {
        String initiativeId = new Loop(api).launchInitiative();
        acknowledge(api, submit(api, initiativeId, FAILS_ONCE));
        acknowledge(api, submit(api, initiativeId, REFUSED));

        assertThat(awaitRequests(FAILS_ONCE, 2)).hasSize(2);
        awaitRequests(REFUSED, 2);
        JsonNode failure = eventually().until(
                () -> api.get("/api/admin/outbox", Api.as("admin")).json().path("failures"), f -> f.size() > 0).get(0);
        assertThat(failure.get("channel").asText()).isEqualTo("SMS");
        assertThat(failure.get("attempts").asInt()).isEqualTo(2);
        assertThat(failure.get("address").asText()).isEqualTo("+34***11");
        assertThat(failure.get("cause").asText()).contains("not reachable").doesNotContain(REFUSED);
        assertThat(api.get("/staff/outbox", Api.as("admin")).body()).doesNotContain(REFUSED);
        Pause.sleep(Duration.ofSeconds(3));
        assertThat(requestsTo(FAILS_ONCE)).hasSize(2);
        assertThat(requestsTo(REFUSED)).as("no attempt beyond the last").hasSize(2);

        assertThat(api.post("/api/admin/outbox/retry", "", Api.as("admin")).json().get("retried").asInt())
                .isGreaterThanOrEqualTo(1);
        awaitRequests(REFUSED, 3);
    }

    @Test
    void aSignedTextBecomesFeedbackWithItsReceiptLinkAndItsSenderIsToldByTextUntilStop() {
        ROUTED.set(new Loop(api).launchInitiative());
        String sender = "+34655444333";
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");

        Api.Response answer = text(api, sender, FROM, "BUS  El autobús no para en mi calle", sid, true);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Matcher link = Pattern.compile("http://localhost:" + port + "/r/([A-Za-z0-9_-]{22})").matcher(answer.body());
        assertThat(link.find()).as(answer.body()).isTrue();
        assertThat(answer.body()).startsWith("<?xml").contains("<Response><Message>Gracias: recibimos su opini");
        String token = link.group(1);
        JsonNode feed = new Loop(api).awaitFeed(token, "SUBMITTED");
        assertThat(feed.get("text").asText()).isEqualTo("El autobús no para en mi calle");
        assertThat(feed.get("channel").asText()).isEqualTo("SMS");
        assertThat(text(api, sender, FROM, "BUS  El autobús no para en mi calle", sid, true).body())
                .as("the gateway's retry of the same message").contains(token);

        String feedback = "/api/feedback/" + feed.get("feedbackId").asText();
        assertThat(api.post(feedback + "/acknowledgement", "{\"message\": \"Gracias\"}", Api.as("facilitator"))
                .status()).isEqualTo(200);
        assertThat(awaitRequests(sender, 1).get(0).form().get("Body")).contains("Recibimos y leímos su opinión.")
                .contains("/r/" + token);

        assertThat(text(api, sender, FROM, "stop", "SM" + UUID.randomUUID().toString().replace("-", ""), true).body())
                .contains("no more messages").contains("no le enviaremos");
        eventually()
                .until(() -> api.get("/r/" + token + "?lang=en").body().contains("<strong>stopped</strong>"));
        assertThat(api.post(feedback + "/understanding", "{\"summary\": \"The bus does not stop\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        Pause.sleep(Duration.ofSeconds(4));
        assertThat(requestsTo(sender)).as("nothing after STOP").hasSize(1);

        assertThat(text(api, sender, FROM, "START", "SM" + UUID.randomUUID().toString().replace("-", ""), true)
                .body()).contains("again");
        eventually()
                .until(() -> api.get("/r/" + token + "?lang=en").body().contains("<strong>on</strong>"));
        assertThat(api.post(feedback + "/understanding/response", "{\"confirmed\": false, \"correction\": \"No\"}",
                "X-Receipt-Token", token).status()).isEqualTo(200);
        assertThat(api.post(feedback + "/understanding", "{\"summary\": \"The bus skips my street\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(awaitRequests(sender, 2).get(1).form().get("Body")).contains("díganos si lo entendimos bien");
    }

    @Test
    void aTextWithABadOrMissingSignatureIs403AndRecordsNothing() {
        ROUTED.set(new Loop(api).launchInitiative());
        long before = db.queryForObject("select count(*) from domain_event_entry", Long.class);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");

        Api.Response forged = text(api, "+34655444999", FROM, "BUS forged", sid, false);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Api.Response unsigned = api.postAs("application/x-www-form-urlencoded", "/api/sms/inbound",
                "From=%2B34655444999&To=" + FROM.replace("+", "%2B") + "&Body=BUS+unsigned&MessageSid=" + sid);
        assertThat(unsigned.status()).isEqualTo(403);
        Api.Response stop = text(api, "+34655444999", FROM, "STOP", sid, false);
        assertThat(stop.status()).isEqualTo(403);
        Pause.sleep(Duration.ofSeconds(1));
        assertThat(db.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void helpIsAnsweredInBothLanguagesAndATextNoRouteTakesRecordsNothing() {
        long before = db.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(text(api, "+34655444888", FROM, "help", "SM" + UUID.randomUUID().toString().replace("-", ""), true)
                .body()).contains("text your feedback").contains("envíe su opinión");
        assertThat(text(api, "+34655444888", "+15550009999", "no code here",
                "SM" + UUID.randomUUID().toString().replace("-", ""), true).body()).contains("could not tell");
        assertThat(db.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    /** A text as the gateway posts it, signed as Twilio signs (or with a wrong signature). */
    private Api.Response text(Api api, String from, String to, String body, String sid, boolean signed) {
        Map<String, String> form = Map.of("From", from, "To", to, "Body", body, "MessageSid", sid, "AccountSid", SID);
        return api.postAs("application/x-www-form-urlencoded", "/api/sms/inbound", encoded(form),
                "X-Twilio-Signature", signature(signed ? AUTH_TOKEN : "another-token",
                        "http://localhost:" + port + "/api/sms/inbound", form));
    }

    /** Twilio's signature, written here from its documentation rather than taken from the code under test. */
    private static String signature(String authToken, String url, Map<String, String> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
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
        return eventually()
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
}
