package heard.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import heard.standalone.Api;
import heard.standalone.jar.RunningJar;
import jakarta.mail.internet.MimeMessage;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar, killed with SIGKILL while families are submitting and again while a read
 * model rebuilds, keeps every submission it acknowledged: after each restart on the same data
 * directory, every receipt that got a 2xx opens its own feedback, and no feedback is stored twice.
 * Killed with follow-up e-mails waiting in its outbox, it sends each of them once after the restart.
 */
class CrashIT {
    private RunningJar app;
    private Api api;

    record Accepted(String feedbackId, String receiptToken) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void whatWasAcknowledgedSurvivesAKillMidStreamAndAKillMidReplay() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-data-");
        start(data, "first");
        String initiativeId = launch();

        List<Accepted> accepted = submitUntilKilled(initiativeId, 4, 120);
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(120);

        start(data, "after-kill");
        everyReceiptOpensItsOwnFeedback(accepted);
        long stored = storedOnce(initiativeId, accepted);
        System.out.printf("Killed mid-stream: %d submissions acknowledged, %d stored, every receipt opens%n",
                accepted.size(), stored);

        api.post("/api/admin/projections/returned-learning/replay", "", Api.as("admin"));
        api.post("/api/admin/projections/dashboard/replay", "", Api.as("admin"));
        Thread.sleep(150);
        app.kill();

        start(data, "after-replay-kill");
        everyReceiptOpensItsOwnFeedback(accepted);
        assertThat(storedOnce(initiativeId, accepted)).isEqualTo(stored);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst")).json()
                        .at("/participation/total").asLong() == stored);
    }

    /**
     * The mail server is not listening while the first run is killed, so every message is certainly waiting and
     * none is on its way; it listens (GreenMail, in this JVM) before the second run starts on the same data.
     */
    @Test
    void followUpMessagesWaitingAtAKillEachArriveOnceAfterTheRestart() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-follow-up-");
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        String[] mail = {"--heard.demo-data=false", "--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
                "--heard.follow-up.gather=PT0S", "--heard.follow-up.send-every=PT0.5S",
                "--heard.follow-up.backoff=PT1S", "--heard.follow-up.attempts=1000",
                // a round that the kill cuts short leaves its claim, which lapses soon after the restart
                "--heard.follow-up.lease=PT5S"};
        app = RunningJar.start(data, "follow-up-first", mail);
        api = app.api();
        String initiativeId = launch();
        Set<String> addresses = new HashSet<>();
        for (int n = 0; n < 5; n++) {
            String address = "family-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            addresses.add(address);
            Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                    {"text": "Family %d", "channel": "WEB", "language": "es", "stakeholderGroup": "families",
                     "email": "%s", "followUpByEmail": true}""".formatted(n, address));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            assertThat(api.post("/api/feedback/" + submitted.json().get("feedbackId").asText() + "/acknowledgement",
                    "{\"message\": \"Gracias\"}", Api.as("facilitator")).status()).isEqualTo(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode outbox = api.get("/api/admin/outbox", Api.as("admin")).json();
            return outbox.at("/counts/PENDING").asInt() == 5 && outbox.at("/counts/SENT").asInt() == 0;
        });
        app.kill();

        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            app = RunningJar.start(data, "follow-up-after-kill", mail);
            api = app.api();
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.getReceivedMessages().length >= addresses.size());
            Thread.sleep(3_000);
            MimeMessage[] received = server.getReceivedMessages();
            List<String> to = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (MimeMessage message : received) {
                to.add(message.getAllRecipients()[0].toString());
                assertThat(message.getHeader("Message-ID", null)).matches("<[0-9a-f-]{36}\\.outbox@localhost>");
                ids.add(message.getHeader("Message-ID", null));
            }
            assertThat(to).as("each waiting message once").containsExactlyInAnyOrderElementsOf(addresses);
            assertThat(ids).hasSize(addresses.size());
            assertThat(api.get("/api/admin/outbox", Api.as("admin")).json().at("/counts/SENT").asInt())
                    .isEqualTo(addresses.size());
        } finally {
            server.stop();
        }
    }

    /** Submits from several threads until at least {@code enough} were accepted, then kills the app mid-stream. */
    private List<Accepted> submitUntilKilled(String initiativeId, int threads, int enough) throws Exception {
        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService families = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int family = t;
            families.submit(() -> {
                for (int n = 0; !killed.get(); n++) {
                    try {
                        Api.Response answer = api.post("/api/initiatives/" + initiativeId + "/feedback",
                                "{\"text\": \"Family " + family + ", note " + n
                                        + "\", \"channel\": \"SMS\", \"language\": \"es\", \"stakeholderGroup\": \"families\"}");
                        if (answer.status() / 100 == 2) {
                            JsonNode body = answer.json();
                            accepted.add(new Accepted(body.get("feedbackId").asText(), body.get("receiptToken").asText()));
                        }
                    } catch (UncheckedIOException connectionLost) {
                        // the app is gone; what it acknowledged before is in the list
                    }
                }
                return null;
            });
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= enough);
        app.kill();
        killed.set(true);
        families.shutdown();
        assertThat(families.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        return new ArrayList<>(accepted);
    }

    private void everyReceiptOpensItsOwnFeedback(List<Accepted> accepted) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Accepted receipt : accepted) {
                Api.Response feed = api.get("/api/receipts/me", "X-Receipt-Token", receipt.receiptToken());
                assertThat(feed.status()).as(receipt.feedbackId()).isEqualTo(200);
                assertThat(feed.json().get("feedbackId").asText()).isEqualTo(receipt.feedbackId());
            }
        });
    }

    /** How many submissions are stored: each acknowledged one exactly once, plus any the kill cut off mid-answer. */
    private long storedOnce(String initiativeId, List<Accepted> accepted) throws Exception {
        List<String> rows = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/initiatives/" + initiativeId + "/feedback.csv", Api.as("analyst")).body()
                        .lines().skip(1).toList(), list -> list.size() >= accepted.size());
        List<String> ids = rows.stream().map(row -> row.substring(0, row.indexOf(','))).toList();
        assertThat(new HashSet<>(ids)).as("no feedback twice").hasSameSizeAs(ids);
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(receipt -> acceptedIds.add(receipt.feedbackId()));
        assertThat(ids).containsAll(acceptedIds);
        return ids.size();
    }

    private void start(Path data, String name) throws Exception {
        // four clients on one address submit far faster than people would
        app = RunningJar.start(data, name, "--heard.demo-data=false", "--heard.rate-limit.submissions.capacity=100000");
        api = app.api();
    }

    private String launch() {
        Api.Response launched = api.post("/api/initiatives", """
                {"title": "Getting to school safely", "guidingQuestion": "What makes the trip to school hard?",
                 "stakeholderGroups": [{"code": "families", "name": "Families", "role": "BENEFICIARY", "populationShare": 0.6}],
                 "languages": ["en", "es"], "acknowledgeWithinHours": 72}""", Api.as("leader"));
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        return launched.json().get("initiativeId").asText();
    }
}
