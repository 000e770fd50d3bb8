package heard.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heard.events.DecisionEvidenceLinked;
import heard.forms.FormTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two command-side instances on one PostgreSQL, as when writes scale out. Each instance serializes the
 * commands it runs itself; between instances only the event store's unique (aggregate, sequence) key stands
 * between two revisions of one decision, and the loser must be answered 409, never stored; likewise only the
 * spent form tokens' key between two posts of one form.
 */
class TwoCommandSidesOnPostgresTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ConfigurableApplicationContext second;
    static List<ConfigurableApplicationContext> instances;
    static List<Integer> ports;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        ConfigurableApplicationContext first = CommandSideOnPostgres.first();
        second = CommandSideOnPostgres.start("second");
        instances = List.of(first, second);
        ports = List.of(CommandSideOnPostgres.port(first), CommandSideOnPostgres.port(second));
        jdbc = first.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        second.close();
    }

    @Test
    void ofConcurrentRevisionsOfOneDecisionOnTwoInstancesExactlyOneWins() throws Exception {
        String initiativeId = post(0, "/api/initiatives", """
                {"title": "Getting to school", "guidingQuestion": "What makes the trip to school hard?",
                 "stakeholderGroups": [{"code": "families", "name": "Families", "role": "BENEFICIARY",
                                        "populationShare": 0.6}],
                 "languages": ["en"], "acknowledgeWithinHours": 72}""").get("initiativeId").asText();
        String decisionId = post(1, "/api/initiatives/" + initiativeId + "/decisions", """
                {"title": "Earlier buses", "hypothesis": "If buses leave earlier, children wait less",
                 "expectedOutcome": "Waits under 10 minutes", "engagementLevel": "CONSULT", "reviewBy": "%s",
                 "affectedGroups": ["families"], "rationale": "Families told us"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(30))).get("decisionId").asText();

        var pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses;
        try {
            List<Callable<Integer>> leaders = IntStream.range(0, 8).<Callable<Integer>>mapToObj(leader ->
                    () -> revise(leader % 2, decisionId, 1, "Revision " + leader).statusCode()).toList();
            statuses = pool.invokeAll(leaders).stream().map(TwoCommandSidesOnPostgresTest::get).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(sequenceNumbers(decisionId)).containsExactly(0L, 1L);
        // each instance reads the winner's revision from the store
        assertThat(revise(0, decisionId, 1, "Too late").statusCode()).isEqualTo(409);
        HttpResponse<String> next = revise(1, decisionId, 2, "The next one");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(next.body()).get("version").asInt()).isEqualTo(3);
    }

    /**
     * A participant's form sent to both instances at once (a double tap behind a load balancer, or a replay):
     * the shared table's primary key lets one post through, the others are told the form was already sent.
     * A post refused for its words spends nothing, so the corrected form is taken, by either instance.
     */
    @Test
    void aFormTokenIsTakenOnceWhicheverInstancesItIsSentTo() throws Exception {
        // the other tests of this run may have used up this address's shared submission limit
        jdbc.sql("delete from submission_bucket").update();
        String initiativeId = post(0, "/api/initiatives", """
                {"title": "Safer crossings", "guidingQuestion": "Where is crossing the road hard?",
                 "stakeholderGroups": [{"code": "families", "name": "Families", "role": "BENEFICIARY",
                                        "populationShare": 0.6}],
                 "languages": ["en"], "acknowledgeWithinHours": 72}""").get("initiativeId").asText();
        FormTokens pages = FormTokens.withSecret(FormTokens.DEMO_SECRET, Duration.ofHours(1));
        String token = pages.issue(FormTokens.feedbackForm(initiativeId));
        long before = submissions();

        var pool = Executors.newFixedThreadPool(6);
        List<String> locations;
        try {
            List<Callable<String>> posts = IntStream.range(0, 6).<Callable<String>>mapToObj(post ->
                    () -> location(postForm(post % 2, initiativeId, token, "The crossing at Elm St has no lights"))
            ).toList();
            locations = pool.invokeAll(posts).stream().map(TwoCommandSidesOnPostgresTest::get).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(locations).filteredOn(location -> location.contains("/r/")).hasSize(1)
                .allSatisfy(location -> assertThat(location).contains("submitted=true"));
        assertThat(locations).filteredOn(location -> !location.contains("/r/")).hasSize(5)
                .allSatisfy(location -> assertThat(location).endsWith("/i/" + initiativeId + "?error=sent&lang=en"));
        assertThat(submissions()).isEqualTo(before + 1);

        String another = pages.issue(FormTokens.feedbackForm(initiativeId));
        assertThat(location(postForm(0, initiativeId, another, ""))).endsWith("?error=text&lang=en");
        assertThat(location(postForm(1, initiativeId, another, "And at Oak St"))).contains("/r/", "submitted=true");
        assertThat(location(postForm(0, initiativeId, another, "And at Oak St"))).endsWith("?error=sent&lang=en");
        assertThat(submissions()).isEqualTo(before + 2);
    }

    private long submissions() {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type like '%.FeedbackSubmitted'")
                .query(Long.class).single();
    }

    private static HttpResponse<String> postForm(int instance, String initiativeId, String token, String text) {
        String body = "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&language=en&stakeholderGroup=families&lang=en&formToken=" + token;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(instance) + "/i/"
                        + initiativeId + "/feedback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Both instances draw from one database sequence, one number at a time: no block of numbers held aside. */
    @Test
    void theGlobalIndexGrowsByOneWhicheverInstanceAppends() {
        String decisionId = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < 6; sequence++) {
            ConfigurableApplicationContext instance = instances.get(sequence % 2);
            var event = new GenericDomainEventMessage<>("Decision", decisionId, sequence, new DecisionEvidenceLinked(
                    decisionId, "initiative-1", 1, List.of("feedback-" + sequence), "note", Instant.now(), "analyst"));
            new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult(
                    status -> instance.getBean(EventStorageEngine.class).appendEvents(event));
        }

        List<Long> indexes = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number").param(decisionId).query(Long.class).list();
        assertThat(indexes).hasSize(6);
        assertThat(IntStream.range(1, 6).mapToLong(i -> indexes.get(i) - indexes.get(i - 1))).containsOnly(1L);
    }

    private List<Long> sequenceNumbers(String decisionId) {
        return jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number").param(decisionId).query(Long.class).list();
    }

    private static HttpResponse<String> revise(int instance, String decisionId, int expectedVersion, String outcome) {
        return send(instance, "/api/decisions/" + decisionId + "/revisions", """
                {"expectedVersion": %d, "changes": {"expectedOutcome": "%s"}, "rationale": "What families said"}"""
                .formatted(expectedVersion, outcome));
    }

    private static JsonNode post(int instance, String path, String body) throws Exception {
        HttpResponse<String> response = send(instance, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(int instance, String path, String body) {
        String leader = Base64.getEncoder().encodeToString("leader:leader-demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(instance) + path))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + leader)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
