package heard.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two command-side instances on one PostgreSQL take an address's submissions from one bucket, kept in
 * the database: the address gets the configured limit once, not once per instance, and the instance
 * that refuses says when to come back, as one instance alone does.
 */
class SharedRateLimitOnPostgresTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int CAPACITY = 4;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (String name : List.of("limit-a", "limit-b")) {
            instances.add(CommandSideOnPostgres.start(name,
                    "--heard.rate-limit.submissions.capacity=" + CAPACITY,
                    "--heard.rate-limit.submissions.refill-per-minute=1"));
        }
        // the other tests of this run submitted from this address with the default limit
        instances.get(0).getBean(JdbcClient.class).sql("delete from submission_bucket").update();
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anAddressGetsTheLimitOnceHoweverManyInstancesAnswerIt() throws Exception {
        String initiative = launch(port(0));
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3 * CAPACITY; i++) {
            answers.add(submit(port(i % 2), initiative));
        }

        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(CAPACITY);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
        assertThat(refused).hasSize(2 * CAPACITY).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        });
        // both instances refused: the bucket is one, not one each
        assertThat(refused.stream().map(answer -> answer.uri().getPort()).distinct()).hasSize(2);
    }

    private static int port(int instance) {
        return CommandSideOnPostgres.port(instances.get(instance));
    }

    private static String launch(int port) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("leader:leader-demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> launched = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/initiatives"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Getting to school", "guidingQuestion": "What makes the trip hard?",
                         "stakeholderGroups": [{"code": "families", "name": "Families", "role": "BENEFICIARY",
                                                "populationShare": 0.6}],
                         "languages": ["en"], "acknowledgeWithinHours": 72}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        return new ObjectMapper().readTree(launched.body()).get("initiativeId").asText();
    }

    private static HttpResponse<String> submit(int port, String initiative) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/initiatives/" + initiative + "/feedback"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"text": "The bus is late", "channel": "WEB", "language": "en",
                         "stakeholderGroup": "families"}""")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
