package heard.standalone.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** The Compose Specification's JSON schema (test resources, with its source), as `docker compose config` checks. */
final class ComposeSchema {
    private final JsonSchema schema;

    ComposeSchema() {
        // loaded by location: the schema's relative $id needs a base to resolve against
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    }

    /** What the specification does not allow in the file, one message each; empty when it follows it. */
    List<String> violations(JsonNode composeFile) {
        return schema.validate(composeFile).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
