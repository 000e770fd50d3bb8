package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A run of the standalone app that did not stop cleanly (killed, or the power cut) leaves its mark in
 * the data directory, and the next run rebuilds every read model from the events: H2 may have kept
 * part of a transaction that was committing when the process died, so a read model may have lost rows
 * its position is past. After a clean stop, the read models are kept as they are.
 */
class UncleanStopTest {
    /** One name for every start of the test's app, so that the second start finds the first one's jobs. */
    private static final String SCHEDULER = "heard-unclean-stop-" + java.util.UUID.randomUUID();
    private final Path dataDir = Path.of("target/unclean-" + UUID.randomUUID()).toAbsolutePath();
    private final Path marker = dataDir.resolve("heard.running");

    @Test
    void aReadModelMissingRowsIsRebuiltAfterAnUncleanStopAndKeptAfterACleanOne() throws Exception {
        String feedbackId;
        String receiptToken;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(marker).as("left while the app runs").exists();
            Api api = api(first);
            Loop loop = new Loop(api);
            JsonNode accepted = loop.submit(loop.launchInitiative(), "The crossing by the school has no guard");
            feedbackId = accepted.get("feedbackId").asText();
            receiptToken = accepted.get("receiptToken").asText();
            eventually().until(() -> receiptOpens(api, receiptToken));
        }
        assertThat(marker).as("removed by a clean stop").doesNotExist();

        // what H2 may leave after a kill: a read model without a row its position is past
        removeReceiptRow(feedbackId);
        Files.createFile(marker);
        try (ConfigurableApplicationContext afterUncleanStop = start()) {
            Api api = api(afterUncleanStop);
            eventually().until(() -> receiptOpens(api, receiptToken));
        }

        removeReceiptRow(feedbackId);
        try (ConfigurableApplicationContext afterCleanStop = start()) {
            Api api = api(afterCleanStop);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> !receiptOpens(api, receiptToken));
        }
    }

    private ConfigurableApplicationContext start() {
        // arguments, not default properties: those would lose to application.yml (port 8080)
        return new SpringApplicationBuilder(HeardApplication.class)
                .run("--heard.data-dir=" + dataDir, "--heard.demo-data=false", "--server.port=0",
                        "--spring.quartz.scheduler-name=" + SCHEDULER);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static boolean receiptOpens(Api api, String receiptToken) {
        return api.get("/api/receipts/me", "X-Receipt-Token", receiptToken).status() == 200;
    }

    private void removeReceiptRow(String feedbackId) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("heard"), "sa", "");
             PreparedStatement delete = db.prepareStatement("delete from receipt_view where feedback_id = ?")) {
            delete.setString(1, feedbackId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
