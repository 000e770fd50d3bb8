package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as the public, staff and analysts read it, its exports, and rebuilding it:
 * six families wrote by SMS and one member of staff on the web.
 */
@StandaloneTest
class DashboardOverHttpTest {
    Api api;
    Loop loop;

    private String initiativeWithSevenVoices() {
        String initiativeId = loop.launchInitiative();
        List<String> feedbackIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            feedbackIds.add(loop.submit(initiativeId, "The bus is late, says family " + i).get("feedbackId").asText());
        }
        Api.Response staff = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": "Crossing guard needed", "channel": "WEB", "language": "en", "stakeholderGroup": "staff",
                 "contact": "staff@example.org", "followUpConsent": true}""");
        assertThat(staff.status()).as(staff.body()).isEqualTo(201);
        assertThat(api.post("/api/feedback/" + feedbackIds.get(0) + "/acknowledgement", "{\"message\": \"Thanks\"}",
                Api.as("facilitator")).status()).isEqualTo(200);
        assertThat(api.post("/api/feedback/" + feedbackIds.get(0) + "/themes", "{\"themes\": [\"transport\"]}",
                Api.as("analyst")).status()).isEqualTo(200);
        loop.awaitDashboard(initiativeId, d -> d.at("/loop/acknowledged").asInt() == 1
                && d.at("/participation/total").asInt() == 7 && d.at("/themes").size() == 1);
        return initiativeId;
    }


    @Test
    void analystsAndAdministratorsSeeExactFigures() {
        String initiativeId = initiativeWithSevenVoices();
        for (String user : List.of("analyst", "admin")) {
            Api.Response read = api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as(user));
            assertThat(read.status()).isEqualTo(200);
            JsonNode dashboard = read.json();
            assertThat(dashboard.get("exact").asBoolean()).isTrue();
            JsonNode staff = dashboard.at("/participation/byGroup/1");
            assertThat(staff.get("group").asText()).isEqualTo("staff");
            assertThat(staff.get("count").asInt()).isEqualTo(1);
            // share 1/7 against a population share of 0.1: index 1.4286, not under-represented
            assertThat(staff.get("representationIndex").asDouble()).isEqualTo(1.4286);
            assertThat(staff.get("underRepresented").asBoolean()).isFalse();
            assertThat(dashboard.at("/participation/byChannel/1/count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void thePublicAndOtherStaffSeeNoSmallCountDirectlyOrBySubtraction() {
        String initiativeId = initiativeWithSevenVoices();
        for (String[] caller : List.of(new String[0], Api.as("facilitator"), Api.as("leader"))) {
            Api.Response read = api.get("/api/initiatives/" + initiativeId + "/dashboard", caller);
            assertThat(read.status()).isEqualTo(200);
            JsonNode dashboard = read.json();
            assertThat(dashboard.get("exact").asBoolean()).isFalse();
            assertThat(dashboard.at("/participation/total").asInt()).isEqualTo(7);
            // families 6 and staff 1: the 6 goes too, or 7 - 6 would give the 1 away
            assertThat(dashboard.at("/participation/byGroup/0/count/suppressed").asBoolean()).isTrue();
            assertThat(dashboard.at("/participation/byGroup/1/count")).isEqualTo(Api.JSON.valueToTree(
                    Map.of("suppressed", true)));
            assertThat(dashboard.at("/participation/byGroup/1/representationIndex/suppressed").asBoolean()).isTrue();
            // SMS 6 and WEB 1: the 6 goes too, or 7 - 6 would give the 1 away
            assertThat(dashboard.at("/participation/byChannel").findValues("count"))
                    .allMatch(count -> count.path("suppressed").asBoolean());
            assertThat(dashboard.at("/loop/acknowledged/suppressed").asBoolean()).isTrue();
            assertThat(dashboard.at("/themes/0/count/suppressed").asBoolean()).isTrue();
            assertNoSmallCount(dashboard);
            for (String breakdown : List.of("/participation/byGroup", "/participation/byChannel", "/themes")) {
                long hidden = dashboard.at(breakdown).findValues("count").stream()
                        .filter(count -> count.path("suppressed").asBoolean()).count();
                if (dashboard.at(breakdown).size() > 1) {
                    assertThat(hidden).as(breakdown).isNotEqualTo(1);
                }
            }

            Api.Response csv = api.get("/api/initiatives/" + initiativeId + "/dashboard.csv", caller);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<String> rows = csv.body().lines().toList();
            assertThat(rows.get(0)).isEqualTo("figure,value");
            assertThat(rows).contains("participation.byGroup[staff].count,suppressed",
                    "participation.byGroup[families].count,suppressed", "participation.total,7");
            for (String row : rows.subList(1, rows.size())) {
                String[] cells = row.split(",");
                if (!cells[0].startsWith("decisions.") && !cells[0].startsWith("indicators")
                        && !cells[0].equals("minCell") && cells.length > 1 && cells[1].matches("[0-9]+")) {
                    assertThat(Long.parseLong(cells[1])).as(row).isGreaterThanOrEqualTo(5);
                }
            }
        }
    }

    /** Every whole number outside decisions and indicators (staff actions, not people) is at least 5. */
    private static void assertNoSmallCount(JsonNode dashboard) {
        assertThat(smallCounts(dashboard)).isEmpty();
    }

    static List<String> smallCounts(JsonNode dashboard) {
        List<String> small = new ArrayList<>();
        walk("", dashboard, small);
        return small;
    }

    private static void walk(String path, JsonNode node, List<String> small) {
        if (path.equals("/decisions") || path.equals("/indicators") || path.equals("/minCell")) {
            return;
        }
        if (node.isIntegralNumber() && node.asLong() < 5) {
            small.add(path + "=" + node);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(path + "/" + field.getKey(), field.getValue(), small);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "/" + i, node.get(i), small);
            }
        }
    }

    @Test
    void theFeedbackRecordsAreForAnalystsAndHoldNothingPersonal() {
        String initiativeId = initiativeWithSevenVoices();
        String path = "/api/initiatives/" + initiativeId + "/feedback.csv";
        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.get(path, Api.as("facilitator")).status()).isEqualTo(403);
        assertThat(api.get(path, Api.as("leader")).status()).isEqualTo(403);
        for (String user : List.of("analyst", "admin")) {
            Api.Response csv = api.get(path, Api.as(user));
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<String> rows = csv.body().lines().toList();
            assertThat(rows).hasSize(8);
            assertThat(rows.get(0)).isEqualTo("feedback_id,submitted_at,channel,language,stakeholder_group,status,"
                    + "themes,hours_to_acknowledge,hours_to_close");
            assertThat(rows).filteredOn(row -> row.contains(",SMS,es,families,ACKNOWLEDGED,transport,")).hasSize(1);
            assertThat(csv.body()).doesNotContain("bus", "Crossing", "example.org", "+1 555");
        }
    }

    @Test
    void unknownInitiativesAndBadCredentialsAreRefused() {
        for (String path : List.of("/api/initiatives/nope/dashboard", "/api/initiatives/nope/dashboard.csv")) {
            Api.Response missing = api.get(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).isEqualTo("application/problem+json");
        }
        Api.Response records = api.get("/api/initiatives/nope/feedback.csv", Api.as("analyst"));
        assertThat(records.status()).isEqualTo(404);
        assertThat(records.contentType()).isEqualTo("application/problem+json");
        Api.Response wrongPassword = api.get("/api/initiatives/nope/dashboard",
                "Authorization", "Basic YW5hbHlzdDp3cm9uZw==");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorReplaysAndOnlyTheQuerySidesProjections() {
        assertThat(api.post("/api/admin/projections/dashboard/replay", "").status()).isEqualTo(401);
        assertThat(api.post("/api/admin/projections/dashboard/replay", "", Api.as("analyst")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/admin/projections/dashboard/replay", "", Api.as("leader")).status())
                .isEqualTo(403);
        for (String name : List.of("nope", "loop-closing")) {
            Api.Response unknown = api.post("/api/admin/projections/" + name + "/replay", "", Api.as("admin"));
            assertThat(unknown.status()).as(name).isEqualTo(404);
            assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void everyProjectionCanBeReplayedAndTheDashboardComesBackTheSame() {
        String initiativeId = initiativeWithSevenVoices();
        JsonNode before = api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst")).json();
        JsonNode inboxBefore = api.get("/api/initiatives/" + initiativeId + "/feedback", Api.as("facilitator")).json();
        for (String name : List.of("initiatives", "inbox", "decisions", "indicators", "learning-feed",
                "returned-learning", "dashboard")) {
            Api.Response replay = api.post("/api/admin/projections/" + name + "/replay", "", Api.as("admin"));
            assertThat(replay.status()).as(name + ": " + replay.body()).isEqualTo(202);
        }
        loop.awaitEveryProjectionLive();
        loop.awaitDashboard(initiativeId, after -> after.equals(before));
        eventually().until(
                () -> api.get("/api/initiatives/" + initiativeId + "/feedback", Api.as("facilitator")).json(),
                inbox -> inbox.equals(inboxBefore));
    }
}
