package heard.standalone.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is held to the Compose Specification's schema
 * and to the settings each service needs; each check is shown to refuse a file that lacks what it checks.
 */
class DockerComposeFileTest {
    static final ComposeSchema SCHEMA = new ComposeSchema();

    final ObjectNode file = ComposeFile.read();

    @Test
    void followsTheComposeSpecification() {
        assertThat(SCHEMA.violations(file)).isEmpty();
    }

    @Test
    void givesEveryServiceWhatItNeeds() {
        assertThat(ComposeRequirements.problems(file)).isEmpty();
    }

    @Test
    void aMisspelledKeyBreaksTheSpecification() {
        ObjectNode commandSide = (ObjectNode) file.path("services").path("command-side");
        commandSide.set("enviroment", commandSide.remove("environment"));

        assertThat(SCHEMA.violations(file)).anySatisfy(violation -> assertThat(violation).contains("enviroment"));
    }

    @Test
    void aDependencyWithoutAConditionBreaksTheSpecification() {
        ((ObjectNode) file.path("services").path("query-side").path("depends_on").path("kafka")).remove("condition");

        assertThat(SCHEMA.violations(file)).isNotEmpty();
    }

    @Test
    void aServiceWithNeitherImageNorBuildIsRefused() {
        ((ObjectNode) file.path("services").path("query-side")).remove(List.of("image", "build"));

        assertThat(ComposeRequirements.problems(file)).contains("query-side: has neither image nor build");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "AXON_KAFKA_BOOTSTRAP_SERVERS",
            "HEARD_WEB_PAGES_URL", "HEARD_WEB_COMMAND_URL"})
    void theQuerySideWithoutOneOfItsSettingsIsRefused(String setting) {
        ((ObjectNode) file.path("services").path("query-side").path("environment")).remove(setting);

        assertThat(ComposeRequirements.problems(file)).singleElement().asString()
                .startsWith("query-side: " + setting);
    }

    @Test
    void aSideThatStartsBeforeItsDatabaseIsHealthyIsRefused() {
        ((ObjectNode) file.path("services").path("command-side").path("depends_on").path("postgres"))
                .put("condition", "service_started");

        assertThat(ComposeRequirements.problems(file))
                .containsExactly("command-side: does not wait for postgres to be healthy");
    }

    @Test
    void aDatabaseWithoutItsVolumeIsRefused() {
        ((ObjectNode) file.path("volumes")).remove("postgres-data");

        assertThat(ComposeRequirements.problems(file))
                .containsExactly("postgres: keeps its data in no named volume");
    }

    @Test
    void aSideWithAHostPortCannotBeScaled() {
        ((ObjectNode) file.path("services").path("query-side")).putArray("ports").add("8082:8082");

        assertThat(ComposeRequirements.problems(file)).containsExactly(
                "query-side: publishes a host port, so that a second container of it cannot start (--scale)");
    }

    @Test
    void theBalancerPassesEachPortToEveryContainerOfItsSideFollowingDockersDns() throws IOException {
        String conf = Files.readString(ComposeFile.ROOT.resolve(ComposeRequirements.BALANCER_CONF));

        assertThat(conf).contains("resolver 127.0.0.11 valid=5s",
                "listen 8081;", "http://command-side:8081;", "listen 8082;", "http://query-side:8082;",
                "proxy_set_header X-Forwarded-For $remote_addr;");
        // a name in a variable is looked up again as it expires, so that containers added by --scale are reached
        assertThat(conf).contains("proxy_pass $command_side;", "proxy_pass $query_side;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void eachSideIsBuiltFromItsExecutableJarAndRunsAsAnotherUserThanRoot(String side) throws IOException {
        String dockerfile = Files.readString(ComposeFile.ROOT.resolve(Path.of(side, "Dockerfile")));
        String pom = Files.readString(ComposeFile.ROOT.resolve(Path.of(side, "pom.xml")));

        assertThat(pom).contains("<artifactId>" + side + "</artifactId>", "<classifier>exec</classifier>");
        assertThat(dockerfile).contains("COPY target/" + side + "-*-exec.jar ",
                "EXPOSE " + ComposeRequirements.PORTS.get(side), "FROM eclipse-temurin:17-jre");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("USER ")).toList())
                .singleElement().asString().doesNotContain("root").isNotEqualTo("USER 0").doesNotStartWith("USER 0:");
    }
}
