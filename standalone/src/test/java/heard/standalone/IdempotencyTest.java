package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A retried submission (a phone on a poor connection) is the same feedback, with the same receipt. */
@StandaloneTest
class IdempotencyTest {
    static final String BODY = """
            {"text": "Lights on the path, please", "channel": "WEB", "language": "en", "stakeholderGroup": "families"}""";

    @LocalServerPort
    int port;
    Api api;
    String initiativeId;

    @BeforeEach
    void launch() {
        api = new Api(port);
        initiativeId = new Loop(api).launchInitiative();
    }

    @Test
    void aRepeatWithTheSameKeyAnswersTheSameFeedbackAndReceipt() {
        Api.Response first = submit("phone-7f3a");
        Api.Response again = submit("phone-7f3a");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(submit("phone-other").json().get("feedbackId")).isNotEqualTo(first.json().get("feedbackId"));
        assertInboxHolds(2);
    }

    @Test
    void theSameKeyWithADifferentSubmissionIsRefused() {
        submit("phone-1");
        Api.Response changed = api.post(path(), BODY.replace("Lights", "Benches"), "Idempotency-Key", "phone-1");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
    }

    @Test
    void concurrentRepeatsMakeOneFeedback() throws Exception {
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> tries = IntStream.range(0, 6)
                    .<Callable<Api.Response>>mapToObj(i -> () -> submit("burst")).toList();
            List<String> ids = pool.invokeAll(tries).stream().map(IdempotencyTest::get)
                    .map(r -> r.json().get("feedbackId").asText()).distinct().toList();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertInboxHolds(1);
    }

    private Api.Response submit(String key) {
        return api.post(path(), BODY, "Idempotency-Key", key);
    }

    private String path() {
        return "/api/initiatives/" + initiativeId + "/feedback";
    }

    /** The inbox reaches this many items and stays there (a late duplicate would show). */
    private void assertInboxHolds(int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inboxSize() == expected);
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> inboxSize() == expected);
    }

    private int inboxSize() {
        Api.Response inbox = api.get(path(), Api.as("facilitator"));
        return inbox.status() == 200 ? inbox.json().get("totalItems").asInt() : -1;
    }

    private static Api.Response get(Future<Api.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
