package heard.standalone.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The repository's docker-compose.yml as a tree, with the few ways of reading it that the checks share. */
final class ComposeFile {
    /** Where the tests run (the standalone module), the file is one level up, at the repository's root. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ComposeFile() {
    }

    static ObjectNode read() {
        try {
            return (ObjectNode) YAML.readTree(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode service(JsonNode file, String name) {
        return file.path("services").path(name);
    }

    /** A service's environment, whether written as a map or as a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = environment.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                variables.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return variables;
    }
}
