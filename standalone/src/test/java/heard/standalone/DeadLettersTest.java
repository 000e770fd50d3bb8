package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.events.FeedbackThemed;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poison event (a theme longer than the dashboard keeps) is parked alone, with only the later events
 * of its own feedback behind it; the dashboard goes on with the rest of its initiative and with other
 * initiatives; an administrator sees it, widens the column, and retries.
 */
@StandaloneTest
class DeadLettersTest {
    @Autowired
    EventGateway events;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate db;
    Api api;
    Loop loop;

    private long submitted(String initiativeId) {
        return api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst")).json()
                .at("/participation/total").asLong(-1);
    }

    private List<JsonNode> dashboardLetters() {
        return api.get("/api/admin/dead-letters", Api.as("admin")).json().findParents("projection").stream()
                .filter(letter -> letter.get("projection").asText().equals("dashboard"))
                // other tests of the suite may leave letters of their own
                .filter(letter -> letter.get("eventType").asText().equals("FeedbackThemed")).toList();
    }

    @Test
    void aPoisonEventIsParkedAloneAndRetriedWithoutStoppingTheProjection() {
        String poisoned = loop.launchInitiative();
        String feedbackId = loop.submit(poisoned, "The bus is late").get("feedbackId").asText();
        eventually().until(() -> submitted(poisoned) == 1);
        String theme = "t".repeat(300);
        transactions.executeInTransaction(() -> events.publish(
                new FeedbackThemed(feedbackId, poisoned, List.of(theme), Instant.now(), "analyst")));
        loop.submit(poisoned, "After the poison event, in the same initiative");

        String healthy = loop.launchInitiative();
        loop.submit(healthy, "Another question goes on");
        eventually().until(() -> submitted(healthy) == 1);
        eventually().until(() -> !dashboardLetters().isEmpty());
        eventually().until(() -> submitted(poisoned) == 2);
        JsonNode letter = dashboardLetters().get(0);
        assertThat(letter.get("eventType").asText()).isEqualTo("FeedbackThemed");
        assertThat(letter.get("causeType").asText()).isNotBlank();
        assertThat(letter.toString()).doesNotContain("The bus is late");

        db.execute("alter table dashboard_count alter column item varchar(400)");
        Api.Response retried = api.post("/api/admin/dead-letters/dashboard/retry", "", Api.as("admin"));

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("retried").asInt()).isGreaterThanOrEqualTo(1);
        eventually().until(() -> api.get("/api/initiatives/" + poisoned + "/dashboard",
                Api.as("analyst")).json().at("/themes/0/theme").asText().equals(theme));
        assertThat(submitted(poisoned)).isEqualTo(2);
        assertThat(dashboardLetters()).isEmpty();
    }

    @Test
    void onlyAnAdministratorSeesOrRetriesDeadLetters() {
        assertThat(api.get("/api/admin/dead-letters").status()).isEqualTo(401);
        assertThat(api.get("/api/admin/dead-letters", Api.as("analyst")).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/dead-letters/dashboard/retry", "").status()).isEqualTo(401);
        assertThat(api.post("/api/admin/dead-letters/dashboard/retry", "", Api.as("leader")).status()).isEqualTo(403);
        Api.Response unknown = api.post("/api/admin/dead-letters/loop-closing/retry", "", Api.as("admin"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    }
}
