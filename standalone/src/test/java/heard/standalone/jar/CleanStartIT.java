package heard.standalone.jar;

import static org.assertj.core.api.Assertions.assertThat;

import heard.standalone.Api;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A default start, as the README's quick start does it (the demo profile and its sample initiative),
 * logs nothing at WARN or ERROR but the demo profile's own warning about its public passwords, also
 * once its pages, its API document and its clean stop have run.
 */
class CleanStartIT {
    /** Spring Boot's console line: time, level, pid, ---, [application], [thread], logger, colon. */
    private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s+\\d+ --- \\[[^]]*] \\[[^]]*] (\\S+)\\s*:");
    private static final Pattern DEMO_WARNING = Pattern.compile("heard\\.wiring\\.SiteSecurity");

    @Test
    void aDefaultStartWarnsOfTheDemoPasswordsAndOfNothingElse() throws Exception {
        List<String> log;
        try (RunningJar app = RunningJar.start("clean-start")) {
            Api api = app.api();
            for (String page : List.of("/", "/r/DemoFamilyReceipt00001", "/r/DemoStudentReceipt0001", "/v3/api-docs",
                    "/swagger-ui/index.html")) {
                assertThat(api.get(page).status()).as(page).isEqualTo(200);
            }
            String initiativeId = api.get("/api/initiatives").json().get(0).get("initiativeId").asText();
            assertThat(api.get("/i/" + initiativeId + "/dashboard").status()).isEqualTo(200);
            assertThat(api.get("/staff/i/" + initiativeId, Api.as("facilitator")).status()).isEqualTo(200);
            app.close();
            log = app.log();
        }

        List<String> warnings = log.stream().filter(line -> LEVEL.matcher(line).find()).toList();
        assertThat(warnings).as(String.join("\n", log)).hasSize(1);
        var warning = LEVEL.matcher(warnings.get(0));
        assertThat(warning.find()).isTrue();
        assertThat(warning.group(1)).isEqualTo("WARN");
        assertThat(warning.group(2)).matches(DEMO_WARNING);
        assertThat(String.join("\n", log)).contains("DEMO PROFILE: the staff users facilitator, analyst, leader");
    }
}
