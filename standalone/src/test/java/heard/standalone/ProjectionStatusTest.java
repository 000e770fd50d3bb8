package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

@StandaloneTest
class ProjectionStatusTest {
    static final List<String> PROJECTIONS = List.of("dashboard", "decisions", "inbox", "indicators", "initiatives",
            "learning-feed", "returned-learning", "staff");
    Loop loop;
    Api api;

    private List<JsonNode> projections() {
        Api.Response listed = api.get("/api/admin/projections", Api.as("admin"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(listed.json().spliterator(), false).toList();
    }

    @Test
    void anAdministratorSeesEachProjectionCaughtUpWithTheLog() {
        loop.submit(loop.launchInitiative(), "How far behind are the pages?");

        eventually().until(() -> projections().stream()
                .allMatch(projection -> projection.get("lag").asLong(-1) == 0));
        List<JsonNode> projections = projections();
        assertThat(projections).extracting(projection -> projection.get("name").asText())
                .containsExactlyElementsOf(PROJECTIONS);
        assertThat(projections).allSatisfy(projection -> {
            assertThat(projection.get("state").asText()).isEqualTo("LIVE");
            assertThat(projection.get("position").asLong()).isEqualTo(projection.get("head").asLong()).isPositive();
            assertThat(projection.get("segments")).isNotEmpty();
        });
    }

    @Test
    void theConsoleShowsEachProjectionInBothLanguages() {
        Api.Response english = api.get("/staff/projections", Api.as("admin"));
        Api.Response spanish = api.get("/staff/projections?lang=es", Api.as("admin"));

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Read models", "Live");
        PROJECTIONS.forEach(name -> assertThat(english.body()).contains(">" + name + "<"));
        assertThat(spanish.body()).contains("Modelos de lectura", "Al día");
        assertThat(api.get("/staff/projections", Api.as("facilitator")).status()).isEqualTo(403);
        assertThat(api.get("/staff/projections").status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorSeesThem() {
        assertThat(api.get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(api.get("/api/admin/projections", Api.as("analyst")).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/projections", "Authorization", "Basic bm90OmFkbWlu").status()).isEqualTo(401);
    }
}
