package heard.standalone.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.events.personal.PersonalCipher;
import heard.examples.HeardEventsConsumer;
import heard.examples.HeardEventsConsumer.HeardEvent;
import heard.standalone.Api;
import heard.standalone.Loop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sides apart, joined only by Kafka: commands to the command side, reads from the query side,
 * one PostgreSQL database for both. The topic has one partition, as made before it could have more. Each test starts or stops the sides it needs; the order only
 * saves start-ups, each test sets up its own initiative.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private final Topology topology = Topology.fresh("topology", "heard.events").withTopicOfOnePartition();
    private ConfigurableApplicationContext commandSide;
    private final List<ConfigurableApplicationContext> querySides = new ArrayList<>();

    private Api commands() {
        if (commandSide == null) {
            commandSide = topology.commandSide();
        }
        return new Api(Topology.port(commandSide));
    }

    private Api reads() {
        if (querySides.isEmpty()) {
            querySides.add(topology.querySide());
        }
        return new Api(Topology.port(querySides.get(0)));
    }

    private void stopQuerySides() {
        querySides.forEach(ConfigurableApplicationContext::close);
        querySides.clear();
    }

    @AfterAll
    void stop() {
        stopQuerySides();
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    @Order(1)
    void aParticipantReadsTheReturnedLearningOnTheQuerySide() {
        Api commands = commands();
        Loop loop = new Loop(commands, reads());
        String initiativeId = loop.launchInitiative();
        JsonNode receipt = loop.submit(initiativeId, "El autobús de la tarde llega tarde");
        String feedback = "/api/feedback/" + receipt.get("feedbackId").asText();
        String token = receipt.get("receiptToken").asText();

        assertThat(commands.post(feedback + "/acknowledgement", "{\"message\": \"Gracias\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(commands.post(feedback + "/understanding", "{\"summary\": \"The afternoon bus is late\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(commands.post(feedback + "/understanding/response", "{\"confirmed\": true}",
                "X-Receipt-Token", token).status()).isEqualTo(200);
        Api.Response learning = commands.post("/api/initiatives/" + initiativeId + "/learnings", """
                {"title": "Afternoon buses", "whatWeHeard": "The afternoon bus runs late",
                 "whatWeDecided": "The route starts 20 minutes earlier", "whatWeLearned": "It was the afternoon",
                 "whatsNext": "We ask again in six weeks", "feedbackIds": ["%s"]}"""
                .formatted(receipt.get("feedbackId").asText()), Api.as("leader"));
        assertThat(learning.status()).as(learning.body()).isEqualTo(201);

        // the learning and the closed loop are events of different aggregates, which may arrive in either order
        JsonNode feed = Awaitility.await().atMost(CATCH_UP).until(() -> loop.awaitFeed(token, "LOOP_CLOSED"),
                closed -> Loop.steps(closed).contains("LEARNING_PUBLISHED"));
        assertThat(Loop.steps(feed)).containsExactly("SUBMITTED", "ACKNOWLEDGED", "UNDERSTANDING_SUMMARIZED",
                "UNDERSTANDING_CONFIRMED", "LEARNING_PUBLISHED", "LOOP_CLOSED");
        assertThat(feed.get("timeline").get(4).get("learningTitle").asText()).isEqualTo("Afternoon buses");
        Api.Response publicFeed = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> reads().get("/api/initiatives/" + initiativeId + "/learnings"), r -> r.json().size() == 1);
        assertThat(publicFeed.json().get(0).get("title").asText()).isEqualTo("Afternoon buses");
        // the query side reads the words from Kafka with the participant's key, kept in the shared database
        assertThat(feed.get("text").asText()).isEqualTo("El autobús de la tarde llega tarde");

        assertThat(commands.post("/api/receipts/forget", "", "X-Receipt-Token", token).status()).isEqualTo(200);

        JsonNode forgotten = Awaitility.await().atMost(CATCH_UP).until(() -> loop.awaitFeed(token, "LOOP_CLOSED"),
                read -> read.hasNonNull("forgottenAt"));
        assertThat(forgotten.get("text").isNull()).isTrue();
        assertThat(forgotten.toString()).doesNotContain("autobús", "The afternoon bus is late", "Gracias");
    }

    @Test
    @Order(2)
    void aPlainKafkaConsumerReadsEachEventWithItsAggregateAsKey() {
        Loop loop = new Loop(commands(), reads());
        String initiativeId = loop.launchInitiative();
        String feedbackId = loop.submit(initiativeId, "The crossing has no guard").get("feedbackId").asText();
        commands().post("/api/feedback/" + feedbackId + "/acknowledgement", "{\"message\": \"Thanks\"}",
                Api.as("facilitator"));

        List<HeardEvent> mine = published(initiativeId, events -> events.size() >= 3);

        assertThat(mine).extracting(HeardEvent::name)
                .containsExactly("InitiativeLaunched", "FeedbackSubmitted", "FeedbackAcknowledged");
        HeardEvent launched = mine.get(0);
        assertThat(launched.key()).isEqualTo(initiativeId).isEqualTo(launched.aggregateId());
        assertThat(launched.type()).isEqualTo("heard.events.InitiativeLaunched");
        assertThat(launched.aggregateType()).isEqualTo("Initiative");
        assertThat(launched.sequence()).isZero();
        assertThat(launched.payload().get("title").asText()).isEqualTo("Getting to school safely");
        HeardEvent submitted = mine.get(1);
        // keyed by initiative, so that one initiative's events share a partition and keep their order
        assertThat(submitted.key()).isEqualTo(initiativeId);
        assertThat(submitted.aggregateId()).isEqualTo(feedbackId);
        assertThat(submitted.messageId()).isNotBlank();
        // a participant's words travel encrypted with their own key, which never leaves the database
        assertThat(submitted.payload().get("text").asText()).startsWith(PersonalCipher.PREFIX);
        assertThat(submitted.payload().get("stakeholderGroup").asText()).isEqualTo("families");
        assertThat(mine.toString()).doesNotContain("The crossing has no guard", "Thanks", "555 0100");
        assertThat(submitted.timestamp()).isBetween(Instant.now().minusSeconds(120), Instant.now());
        assertThat(mine.get(2).key()).isEqualTo(initiativeId);
        assertThat(mine.get(2).aggregateId()).isEqualTo(feedbackId);
        assertThat(mine.get(2).sequence()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void eachSideMakesOnlyTheKafkaClientItNeeds() {
        commands();
        reads();
        ProducerFactory<?, ?> producers = commandSide.getBean(ProducerFactory.class);
        assertThat(producers.confirmationMode()).isEqualTo(ConfirmationMode.WAIT_FOR_ACK);
        assertThat(commandSide.getBeanNamesForType(Fetcher.class)).isEmpty();
        assertThat(querySides.get(0).getBeanNamesForType(ProducerFactory.class)).isEmpty();
        assertThat(querySides.get(0).getBeanNamesForType(KafkaPublisher.class)).isEmpty();
    }

    @Test
    @Order(4)
    void aQuerySideStoppedWhileFeedbackArrivesCatchesUpWithNoneMissingAndNoneDoubledAndCanReplay() {
        Loop loop = new Loop(commands(), reads());
        String initiativeId = loop.launchInitiative();
        awaitDashboard(reads(), initiativeId, dashboard -> true);
        stopQuerySides();

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(loop.submit(initiativeId, "Voice " + i).get("receiptToken").asText());
        }

        Api reads = reads();
        awaitSubmitted(reads, initiativeId, 100);
        awaitInbox(reads, initiativeId, 100);
        for (String token : tokens) {
            Api.Response receipt = Awaitility.await().atMost(CATCH_UP).until(
                    () -> reads.get("/api/receipts/me", "X-Receipt-Token", token), read -> read.status() == 200);
            assertThat(Loop.steps(receipt.json())).containsExactly("SUBMITTED");
        }

        // a replay reads the whole topic again, every event applied afresh
        assertThat(reads.post("/api/admin/projections/dashboard/replay", "", Api.as("admin")).status())
                .isEqualTo(202);
        awaitSubmitted(reads, initiativeId, 100);
    }

    @Test
    @Order(5)
    void aCommandSideStoppedRightAfterAcceptingPublishesEveryEventOnceItIsBack() {
        Loop loop = new Loop(commands(), reads());
        String initiativeId = loop.launchInitiative();
        List<String> feedbackIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            feedbackIds.add(loop.submit(initiativeId, "Voice " + i).get("feedbackId").asText());
        }
        commandSide.close();
        commandSide = null;
        int publishedBeforeTheStop = published(initiativeId, events -> true).size();
        // as if it had stopped after sending but before saving its position: everything is sent again
        JdbcClient.create(topology.dataSource())
                .sql("delete from token_entry where processor_name = 'kafka-publisher'").update();

        commands();

        List<HeardEvent> sent = published(initiativeId, events -> events.size() >= publishedBeforeTheStop + 21);
        assertThat(sent).hasSize(publishedBeforeTheStop + 21);
        assertThat(sent.stream().filter(e -> e.name().equals("FeedbackSubmitted")).map(HeardEvent::aggregateId))
                .containsAll(feedbackIds);
        Api reads = reads();
        awaitSubmitted(reads, initiativeId, 20);
        awaitInbox(reads, initiativeId, 20);
    }

    @Test
    @Order(6)
    void twoQuerySidesShareTheSegmentsAndTogetherHandleEveryEventOnce() {
        stopQuerySides();
        String half = "--heard.projections.max-claimed-segments=2";
        querySides.add(topology.querySide(List.of(HandledEvents.class), half));
        querySides.add(topology.querySide(List.of(HandledEvents.class), half));
        List<StreamingEventProcessor> inboxes = querySides.stream().map(side -> side
                .getBean(EventProcessingConfiguration.class).eventProcessor("inbox", StreamingEventProcessor.class)
                .orElseThrow()).toList();
        Awaitility.await().atMost(CATCH_UP).until(() -> inboxes.stream()
                .allMatch(inbox -> inbox.processingStatus().size() == 2));
        assertThat(inboxes.get(0).processingStatus().keySet())
                .doesNotContainAnyElementsOf(inboxes.get(1).processingStatus().keySet());

        Loop loop = new Loop(commands(), reads());
        String initiativeId = loop.launchInitiative();
        List<String> feedbackIds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            feedbackIds.add(loop.submit(initiativeId, "Voice " + i).get("feedbackId").asText());
        }

        Api reads = reads();
        Awaitility.await().atMost(CATCH_UP).until(() -> inboxSize(reads, initiativeId) == 40);
        List<String> submissions = JdbcClient.create(topology.dataSource())
                .sql("select event_identifier from domain_event_entry where payload_type = ?")
                .param("heard.events.FeedbackSubmitted").query(String.class).list();
        List<List<String>> handled = querySides.stream()
                .map(side -> side.getBean(HandledEvents.class).submissions(initiativeId)).toList();
        assertThat(handled).allSatisfy(events -> assertThat(events).isNotEmpty());
        List<String> all = new ArrayList<>(handled.get(0));
        all.addAll(handled.get(1));
        assertThat(all).doesNotHaveDuplicates().hasSize(40);
        assertThat(submissions).containsAll(all);
        awaitSubmitted(reads, initiativeId, 40);
    }

    /**
     * A replay needs every segment of its projection, and another query side holding some cannot be made to let
     * go of them: the replay is refused with a problem that says so, and the live read model is left as it was.
     */
    @Test
    @Order(7)
    void aReplayWhileAnotherQuerySideHoldsSegmentsIsRefusedAndChangesNothing() {
        if (querySides.size() < 2) {
            stopQuerySides();
            querySides.add(topology.querySide("--heard.projections.max-claimed-segments=2"));
            querySides.add(topology.querySide("--heard.projections.max-claimed-segments=2"));
        }
        Loop loop = new Loop(commands(), reads());
        String initiativeId = loop.launchInitiative();
        loop.submit(initiativeId, "The crossing guard leaves at 8:05");
        Api reads = reads();
        awaitSubmitted(reads, initiativeId, 1);
        Awaitility.await().atMost(CATCH_UP).until(() -> querySides.stream().allMatch(side -> side
                .getBean(EventProcessingConfiguration.class).eventProcessor("dashboard", StreamingEventProcessor.class)
                .orElseThrow().processingStatus().size() == 2));

        Api.Response refused = reads.post("/api/admin/projections/dashboard/replay", "", Api.as("admin"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("another query side");
        assertThat(reads.get("/api/admin/projections", Api.as("admin")).json().findValuesAsText("state"))
                .doesNotContain("REBUILDING");
        loop.submit(initiativeId, "And the lights at the crossing are out");
        awaitSubmitted(reads, initiativeId, 2);
    }

    /** This initiative's events on the topic, read from the start until enough arrived and no more come. */
    private List<HeardEvent> published(String initiativeId, Predicate<Collection<HeardEvent>> enough) {
        List<HeardEvent> mine = new ArrayList<>();
        Instant deadline = Instant.now().plus(CATCH_UP);
        try (HeardEventsConsumer consumer = new HeardEventsConsumer(topology.brokers(), topology.topic(),
                "outside-reader-" + UUID.randomUUID())) {
            boolean read = false;
            while (Instant.now().isBefore(deadline)) {
                List<HeardEvent> batch = consumer.poll(Duration.ofMillis(500));
                read |= !batch.isEmpty();
                batch.stream().filter(e -> initiativeId.equals(e.payload().path("initiativeId").asText()))
                        .forEach(mine::add);
                if (read && batch.isEmpty() && enough.test(mine)) {
                    break;
                }
            }
        }
        return mine;
    }

    private static JsonNode dashboard(Api reads, String initiativeId) {
        return reads.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst")).json();
    }

    private static void awaitDashboard(Api reads, String initiativeId, Predicate<JsonNode> ready) {
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Response read = reads.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst"));
            return read.status() == 200 && ready.test(read.json());
        });
    }

    /**
     * Waits for the dashboard's count, then holds it to exactly that, so a double count still fails.
     * Each projection is a processor of its own: one caught up says nothing of another.
     */
    private static void awaitSubmitted(Api reads, String initiativeId, int count) {
        awaitDashboard(reads, initiativeId, dashboard -> dashboard.at("/loop/submitted").asInt() >= count);
        assertThat(dashboard(reads, initiativeId).at("/loop/submitted").asInt()).isEqualTo(count);
    }

    /** The same for the inbox's count. */
    private static void awaitInbox(Api reads, String initiativeId, int size) {
        Awaitility.await().atMost(CATCH_UP).until(() -> inboxSize(reads, initiativeId) >= size);
        assertThat(inboxSize(reads, initiativeId)).isEqualTo(size);
    }

    /** -1 until the query side knows the initiative (its inbox answers 404 before that). */
    private static int inboxSize(Api reads, String initiativeId) {
        Api.Response inbox = reads.get("/api/initiatives/" + initiativeId + "/feedback", Api.as("facilitator"));
        return inbox.status() == 200 ? inbox.json().get("totalItems").asInt() : -1;
    }
}
