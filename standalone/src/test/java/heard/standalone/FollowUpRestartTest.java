package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages waiting when the app stops are neither lost nor doubled: one data directory, two runs. The first has
 * no mail server, so its message waits in the outbox; the second has one, and the message leaves once.
 */
class FollowUpRestartTest {
    private final String dataDir = "target/follow-up-restart-" + UUID.randomUUID();

    @Test
    void aMessageWaitingAtAStopLeavesOnceAfterTheRestart() throws Exception {
        String address = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String feedbackId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            String initiativeId = new Loop(api).launchInitiative();
            Api.Response submitted = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                    {"text": "Across a restart", "channel": "WEB", "language": "en", "stakeholderGroup": "families",
                     "email": "%s", "followUpByEmail": true}""".formatted(address));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            JsonNode receipt = submitted.json();
            feedbackId = receipt.get("feedbackId").asText();
            assertThat(api.post("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Thanks\"}",
                    Api.as("facilitator")).status()).isEqualTo(200);
            JdbcTemplate db = first.getBean(JdbcTemplate.class);
            String id = feedbackId;
            eventually().until(() -> db.queryForObject(
                    "select count(*) from follow_up_outbox where feedback_id = ? and status = 'PENDING'",
                    Integer.class, id) == 1);
        }

        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (ConfigurableApplicationContext second = start("--spring.mail.host=localhost",
                "--spring.mail.port=" + mail.getSmtp().getPort())) {
            eventually().until(() -> mail.getReceivedMessages().length == 1);
            Thread.sleep(5_000);
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(address);
            assertThat(second.getBean(JdbcTemplate.class).queryForList(
                    "select status from follow_up_outbox where feedback_id = ?", String.class, feedbackId))
                    .containsExactly("SENT");
        } finally {
            mail.stop();
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        // a scheduler name of its own: Quartz keeps one connection registry per JVM by name, and the suite's shared
        // app must not be left with the data source these runs close
        String[] common = {"--heard.data-dir=" + dataDir, "--heard.demo-data=false", "--server.port=0",
                "--spring.quartz.scheduler-name=heard-follow-up-restart-" + UUID.randomUUID(),
                "--heard.follow-up.gather=PT1S", "--heard.follow-up.send-every=PT0.2S"};
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return new SpringApplicationBuilder(HeardApplication.class).run(all);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
