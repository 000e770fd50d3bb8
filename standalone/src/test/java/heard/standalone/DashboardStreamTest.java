package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.query.dashboard.DashboardQuery;
import heard.query.dashboard.DashboardView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The live dashboard: viewers of the event stream and subscribers of the query see each change as it lands. */
@StandaloneTest
class DashboardStreamTest {
    @LocalServerPort
    int port;
    @Autowired
    QueryGateway queries;
    @Autowired
    QueryUpdateEmitter updates;
    @Autowired
    JdbcTemplate db;
    Api api;
    Loop loop;

    /** A new initiative whose dashboard the read side has started. */
    private String launched() {
        String initiativeId = loop.launchInitiative();
        eventually().until(() -> api.get("/api/initiatives/" + initiativeId + "/dashboard").status() == 200);
        return initiativeId;
    }

    /**
     * Waits until the first public snapshot is kept, which the app does once the dashboard has caught up with
     * the log: later figures step away from that one, not from whatever a viewer was shown before it.
     */
    private void awaitFirstPublicSnapshot(String initiativeId) {
        eventually().until(() -> db.queryForObject(
                "select count(*) from dashboard_public where initiative_id = ?", Integer.class, initiativeId) == 1);
    }

    private static String stream(String initiativeId) {
        return "/api/initiatives/" + initiativeId + "/stream";
    }

    private static JsonNode figures(EventStream.Event event) throws Exception {
        return Api.JSON.readTree(event.data());
    }

    /** The next dashboard event that passes the test, skipping earlier ones. */
    private static JsonNode awaitDashboard(EventStream viewer, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Eventually.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            EventStream.Event event = viewer.next("dashboard", Duration.ofNanos(deadline - System.nanoTime()));
            if (event == null) {
                break;
            }
            JsonNode figures = figures(event);
            if (ready.test(figures)) {
                return figures;
            }
        }
        throw new AssertionError("no dashboard event came that was ready");
    }

    private long viewersOf(String initiativeId) {
        return updates.activeSubscriptions().stream()
                .filter(query -> query.getPayload() instanceof DashboardQuery dashboard
                        && dashboard.initiativeId().equals(initiativeId))
                .count();
    }

    @Test
    void aViewerGetsTheFiguresAtOnceAndAgainAfterASubmission() throws Exception {
        String initiativeId = launched();
        try (EventStream viewer = EventStream.open(port, stream(initiativeId), Api.as("analyst"))) {
            assertThat(viewer.response().statusCode()).isEqualTo(200);
            assertThat(viewer.response().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            assertThat(viewer.response().headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
            JsonNode first = awaitDashboard(viewer, figures -> true);
            assertThat(first.get("initiativeId").asText()).isEqualTo(initiativeId);
            assertThat(first.at("/participation/total").asInt()).isZero();

            loop.submit(initiativeId, "The bus stop has no shelter");

            JsonNode after = awaitDashboard(viewer, figures -> figures.at("/participation/total").asInt() == 1);
            assertThat(after.get("exact").asBoolean()).isTrue();
            assertThat(after.at("/loop/submitted").asInt()).isEqualTo(1);
        }
    }

    @Test
    void thePublicStreamNeverShowsASmallCount() throws Exception {
        String initiativeId = launched();
        try (EventStream viewer = EventStream.open(port, stream(initiativeId))) {
            List<JsonNode> seen = new ArrayList<>();
            seen.add(awaitDashboard(viewer, figures -> true));
            awaitFirstPublicSnapshot(initiativeId);
            for (int i = 0; i < 5; i++) {
                loop.submit(initiativeId, "Voice number " + i);
            }
            long deadline = System.nanoTime() + Eventually.TIMEOUT.toNanos();
            while (seen.get(seen.size() - 1).at("/participation/total").asInt() != 5) {
                assertThat(System.nanoTime()).as("five voices shown in time").isLessThan(deadline);
                EventStream.Event event = viewer.next("dashboard", Eventually.TIMEOUT);
                assertThat(event).isNotNull();
                seen.add(figures(event));
            }
            for (JsonNode figures : seen) {
                assertThat(figures.get("exact").asBoolean()).isFalse();
                assertThat(DashboardOverHttpTest.smallCounts(figures)).isEmpty();
            }
        }
    }

    /**
     * Feedback arrives one piece at a time, as it would for someone who knows when one person sent theirs and
     * watches the public figures: whether they read the dashboard or follow its stream, no two public figures
     * in a row differ by one submission, while an analyst sees each one.
     */
    @Test
    void thePublicFiguresNeverMoveByOneSubmission() throws Exception {
        String initiativeId = launched();
        String voices = "fffffsssffssfff";
        List<JsonNode> read = new ArrayList<>();
        List<JsonNode> streamed = new ArrayList<>();
        try (EventStream everyone = EventStream.open(port, stream(initiativeId));
                EventStream analyst = EventStream.open(port, stream(initiativeId), Api.as("analyst"))) {
            streamed.add(awaitDashboard(everyone, figures -> true));
            awaitFirstPublicSnapshot(initiativeId);
            for (int sent = 1; sent <= voices.length(); sent++) {
                if (voices.charAt(sent - 1) == 'f') {
                    loop.submit(initiativeId, "A family's voice, number " + sent);
                } else {
                    loop.submitAsStaff(initiativeId);
                }
                int total = sent;
                awaitDashboard(analyst, figures -> figures.at("/participation/total").asInt() == total);
                read.add(api.get("/api/initiatives/" + initiativeId + "/dashboard").json());
            }
            long deadline = System.nanoTime() + Eventually.TIMEOUT.toNanos();
            for (EventStream.Event event = everyone.next("dashboard", Eventually.TIMEOUT); event != null;
                    event = everyone.next("dashboard", Duration.ofSeconds(2))) {
                assertThat(System.nanoTime()).as("the public stream falls quiet").isLessThan(deadline);
                streamed.add(figures(event));
            }
        }
        for (List<JsonNode> seen : List.of(read, streamed)) {
            assertThat(seen).allMatch(figures -> !figures.get("exact").asBoolean());
            for (int i = 1; i < seen.size(); i++) {
                assertThat(stepsOfFewerThanFive(seen.get(i - 1), seen.get(i))).as("public figures %d to %d", i - 1, i)
                        .isEmpty();
            }
            // ten more voices since the five families: every figure that moved moved by five or more
            JsonNode last = seen.get(seen.size() - 1);
            assertThat(last.at("/participation/total").asInt()).isEqualTo(15);
            assertThat(last.at("/participation/byGroup/0/count").asInt()).isEqualTo(10);
            assertThat(last.at("/participation/byGroup/1/count").asInt()).isEqualTo(5);
        }
    }

    /** The whole numbers shown in both that moved, but by fewer than five, and a total that moved at all by less. */
    private static List<String> stepsOfFewerThanFive(JsonNode before, JsonNode after) {
        List<String> steps = new ArrayList<>();
        compare("", before, after, steps);
        if (!before.equals(after) && before.at("/participation/total").isIntegralNumber()
                && after.at("/participation/total").isIntegralNumber()) {
            long moved = Math.abs(after.at("/participation/total").asLong() - before.at("/participation/total").asLong());
            if (moved < 5) {
                steps.add("the figures changed while the total moved by " + moved);
            }
        }
        return steps;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String> steps) {
        if (path.equals("/decisions") || path.equals("/indicators") || path.equals("/minCell")) {
            return;
        }
        if (before.isIntegralNumber() && after.isIntegralNumber()) {
            long moved = Math.abs(after.asLong() - before.asLong());
            if (moved > 0 && moved < 5) {
                steps.add(path + ": " + before + " to " + after);
            }
        }
        if (before.isObject()) {
            before.fieldNames().forEachRemaining(field -> compare(path + "/" + field, before.get(field),
                    after.path(field), steps));
        }
        if (before.isArray()) {
            for (int i = 0; i < before.size(); i++) {
                compare(path + "/" + i, before.get(i), after.path(i), steps);
            }
        }
    }

    @Test
    void heartbeatsKeepAViewerAliveAndALeavingViewerIsForgotten() throws Exception {
        String initiativeId = launched();
        EventStream viewer = EventStream.open(port, stream(initiativeId));
        awaitDashboard(viewer, figures -> true);
        assertThat(viewersOf(initiativeId)).isEqualTo(1);
        assertThat(viewer.next(":", Eventually.TIMEOUT)).as("a heartbeat").isNotNull();

        viewer.close();

        eventually().until(() -> viewersOf(initiativeId) == 0);
    }

    @Test
    void manyViewersAllSeeTheChange() throws Exception {
        String initiativeId = launched();
        List<EventStream> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                viewers.add(EventStream.open(port, stream(initiativeId), Api.as("admin")));
            }
            for (EventStream viewer : viewers) {
                awaitDashboard(viewer, figures -> true);
            }
            assertThat(viewersOf(initiativeId)).isEqualTo(40);

            loop.submit(initiativeId, "We need a later bus on Fridays");

            for (EventStream viewer : viewers) {
                awaitDashboard(viewer, figures -> figures.at("/participation/total").asInt() == 1);
            }
        } finally {
            for (EventStream viewer : viewers) {
                viewer.close();
            }
        }
        eventually().until(() -> viewersOf(initiativeId) == 0);
    }

    @Test
    void theSameFiguresAreASubscriptionQuery() {
        String initiativeId = launched();
        SubscriptionQueryResult<DashboardView, DashboardView> result = queries.subscriptionQuery(
                new DashboardQuery(initiativeId, true), ResponseTypes.instanceOf(DashboardView.class),
                ResponseTypes.instanceOf(DashboardView.class));
        try {
            DashboardView initial = result.initialResult().block(Eventually.TIMEOUT);
            assertThat(initial.participation().total()).isEqualTo(0L);

            loop.submit(initiativeId, "Please light the path by the river");

            DashboardView update = result.updates()
                    .filter(view -> Long.valueOf(1).equals(view.participation().total()))
                    .blockFirst(Eventually.TIMEOUT);
            assertThat(update).isNotNull();
            assertThat(update.loop().submitted()).isEqualTo(1L);
        } finally {
            result.close();
        }
    }

    @Test
    void anUnknownInitiativeIsAProblemNotAStream() throws Exception {
        try (EventStream viewer = EventStream.open(port, stream("nope"))) {
            assertThat(viewer.response().statusCode()).isEqualTo(404);
            assertThat(viewer.response().headers().firstValue("Content-Type").orElse(""))
                    .isEqualTo("application/problem+json");
        }
        try (EventStream viewer = EventStream.open(port, stream("x".repeat(300)))) {
            assertThat(viewer.response().statusCode()).isEqualTo(404);
        }
        Api.Response wrongPassword = api.get(stream("nope"), "Authorization", "Basic YW5hbHlzdDp3cm9uZw==");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }
}
