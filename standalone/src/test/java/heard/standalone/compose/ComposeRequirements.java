package heard.standalone.compose;

import static heard.standalone.compose.ComposeFile.environment;
import static heard.standalone.compose.ComposeFile.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

/**
 * What the schema cannot know: the settings without which the four services do not make one running Heard.
 * Each problem names its service and what is missing or wrong.
 */
final class ComposeRequirements {
    static final List<String> SERVICES = List.of("kafka", "postgres", "command-side", "query-side", "balancer");
    /** The balancer's configuration, mounted from the repository. */
    static final String BALANCER_CONF = "./balancer/nginx.conf";
    static final Map<String, Integer> PORTS = Map.of("command-side", 8081, "query-side", 8082);

    private final JsonNode file;
    private final List<String> problems = new ArrayList<>();

    private ComposeRequirements(JsonNode file) {
        this.file = file;
    }

    static List<String> problems(JsonNode file) {
        ComposeRequirements requirements = new ComposeRequirements(file);
        requirements.check();
        return requirements.problems;
    }

    private void check() {
        for (String name : SERVICES) {
            JsonNode service = service(file, name);
            require(!service.isMissingNode(), name, "is missing");
            require(service.has("image") || service.has("build"), name, "has neither image nor build");
            require(service.path("healthcheck").has("test"), name, "has no health check");
            require(service.has("restart"), name, "has no restart policy");
        }
        checkKafka();
        checkPostgres();
        PORTS.keySet().forEach(this::checkSide);
        checkBalancer();
        Map<String, String> query = environment(service(file, "query-side"));
        require(url("command-side").equals(query.get("HEARD_WEB_COMMAND_URL")), "query-side",
                "HEARD_WEB_COMMAND_URL is not " + url("command-side"));
        require(service(file, "command-side").path("build").asText().equals("./command-side"), "command-side",
                "is not built from ./command-side");
        require(service(file, "query-side").path("build").asText().equals("./query-side"), "query-side",
                "is not built from ./query-side");
    }

    private void checkKafka() {
        JsonNode kafka = service(file, "kafka");
        Map<String, String> env = environment(kafka);
        require(kafka.path("image").asText().startsWith("apache/kafka:"), "kafka", "is not the apache/kafka image");
        for (String setting : List.of("CLUSTER_ID", "KAFKA_NODE_ID", "KAFKA_LISTENERS",
                "KAFKA_ADVERTISED_LISTENERS", "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_CONTROLLER_QUORUM_VOTERS",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_LOG_DIRS")) {
            require(env.containsKey(setting), "kafka", "has no " + setting);
        }
        require(List.of(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split(","))
                .containsAll(List.of("broker", "controller")), "kafka", "is not both broker and controller (KRaft)");
        require("1".equals(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")), "kafka",
                "a single broker needs KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR 1");
        require(mounts(kafka, env.get("KAFKA_LOG_DIRS")), "kafka", "keeps its log directory in no named volume");
    }

    private void checkPostgres() {
        JsonNode postgres = service(file, "postgres");
        Map<String, String> env = environment(postgres);
        require(postgres.path("image").asText().startsWith("postgres:"), "postgres", "is not the postgres image");
        for (String setting : List.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD")) {
            require(env.containsKey(setting), "postgres", "has no " + setting);
        }
        require(mounts(postgres, "/var/lib/postgresql/data"), "postgres", "keeps its data in no named volume");
    }

    private void checkSide(String name) {
        JsonNode side = service(file, name);
        Map<String, String> env = environment(side);
        Map<String, String> postgres = environment(service(file, "postgres"));
        int port = PORTS.get(name);
        String database = "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB");
        require(database.equals(env.get("SPRING_DATASOURCE_URL")), name,
                "SPRING_DATASOURCE_URL is not the postgres service's database");
        require(Objects.equals(postgres.get("POSTGRES_USER"), env.get("SPRING_DATASOURCE_USERNAME")), name,
                "SPRING_DATASOURCE_USERNAME is not postgres's user");
        require(Objects.equals(postgres.get("POSTGRES_PASSWORD"), env.get("SPRING_DATASOURCE_PASSWORD")), name,
                "SPRING_DATASOURCE_PASSWORD is not postgres's password");
        String advertised = environment(service(file, "kafka")).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        require(env.containsKey("AXON_KAFKA_BOOTSTRAP_SERVERS")
                        && advertised.contains("//" + env.get("AXON_KAFKA_BOOTSTRAP_SERVERS")), name,
                "AXON_KAFKA_BOOTSTRAP_SERVERS is not a listener kafka advertises to containers");
        require("demo".equals(env.get("SPRING_PROFILES_ACTIVE")), name, "does not run the demo profile");
        require(url("query-side").equals(env.get("HEARD_WEB_PAGES_URL")), name,
                "HEARD_WEB_PAGES_URL is not " + url("query-side"));
        require(side.path("ports").isMissingNode(), name,
                "publishes a host port, so that a second container of it cannot start (--scale)");
        require(texts(side.path("expose")).contains(String.valueOf(port)), name, "does not expose port " + port);
        require("native".equals(env.get("SERVER_FORWARD_HEADERS_STRATEGY")), name,
                "SERVER_FORWARD_HEADERS_STRATEGY is not native: every client would have the balancer's address");
        require(String.join(" ", texts(side.path("healthcheck").path("test")))
                .contains("localhost:" + port + "/actuator/health"), name, "is not checked on /actuator/health");
        for (String dependency : List.of("postgres", "kafka")) {
            require("service_healthy".equals(side.path("depends_on").path(dependency).path("condition").asText()),
                    name, "does not wait for " + dependency + " to be healthy");
        }
    }

    /** Publishes each side's port and passes it to the side's containers, once they are healthy. */
    private void checkBalancer() {
        JsonNode balancer = service(file, "balancer");
        require(texts(balancer.path("volumes")).contains(BALANCER_CONF + ":/etc/nginx/nginx.conf:ro"), "balancer",
                "does not mount " + BALANCER_CONF);
        require(balancer.path("image").asText().startsWith("nginx:"), "balancer", "is not the nginx image");
        PORTS.forEach((side, port) -> {
            require(texts(balancer.path("ports")).contains(port + ":" + port), "balancer",
                    "does not publish port " + port);
            require("service_healthy".equals(balancer.path("depends_on").path(side).path("condition").asText()),
                    "balancer", "does not wait for " + side + " to be healthy");
        });
    }

    private boolean mounts(JsonNode service, String path) {
        return texts(service.path("volumes")).stream().anyMatch(volume -> {
            String[] parts = volume.split(":");
            return parts.length >= 2 && parts[1].equals(path) && file.path("volumes").has(parts[0]);
        });
    }

    private String url(String side) {
        return "http://localhost:" + PORTS.get(side);
    }

    private static List<String> texts(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }

    private void require(boolean met, String service, String problem) {
        if (!met) {
            problems.add(service + ": " + problem);
        }
    }
}
