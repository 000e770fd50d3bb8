package heard.standalone.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import heard.standalone.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Families submitting feedback to one initiative while instances die: one sender per command side, one
 * submission after another until closed, keeping those answered 201 and when they were.
 */
final class SteadyStream implements AutoCloseable {
    private final String initiativeId;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicBoolean submitting = new AtomicBoolean(true);
    private final List<Thread> senders = new ArrayList<>();

    record Accepted(String feedbackId, String receiptToken, Instant at) {
    }

    /** Starts sending, to each command side listening on one of the ports. */
    SteadyStream(String initiativeId, int... commandSidePorts) {
        this.initiativeId = initiativeId;
        for (int port : commandSidePorts) {
            senders.add(sender(port));
        }
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    List<Accepted> acceptedAfter(Instant instant) {
        return accepted.stream().filter(a -> a.at().isAfter(instant)).toList();
    }

    /** The submissions stored in the event store: the test's database holds no initiative but this one. */
    static long stored(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("select count(*) from domain_event_entry where payload_type = ?")
                .param("heard.events.FeedbackSubmitted").query(Long.class).single();
    }

    /** The submissions a query side's dashboard counts, or -1 when it does not answer. */
    int onDashboard(Api reads) {
        Api.Response dashboard = reads.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst"));
        return dashboard.status() == 200 ? dashboard.json().at("/loop/submitted").asInt() : -1;
    }

    /** Stops sending, once each sender's request under way has its answer or its time-out. */
    @Override
    public void close() throws InterruptedException {
        submitting.set(false);
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private Thread sender(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://localhost:" + port + "/api/initiatives/" + initiativeId + "/feedback");
        Thread thread = new Thread(() -> {
            for (int i = 0; submitting.get(); i++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"text": "Voice %d", "channel": "SMS", "language": "es",
                                 "stakeholderGroup": "families", "followUpConsent": false}""".formatted(i)))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        JsonNode receipt = Api.JSON.readTree(response.body());
                        accepted.add(new Accepted(receipt.get("feedbackId").asText(),
                                receipt.get("receiptToken").asText(), Instant.now()));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // not acknowledged: the side is gone, or did not answer in time
                }
                try {
                    // also after a refused connection, which a killed side answers at once
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "submitting-to-" + port);
        thread.start();
        return thread;
    }
}
