package heard.apidocs;

import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document at {@code /v3/api-docs}, the same on either side: Heard's name, version,
 * description and licence, and on each operation the problems (RFC 9457) it may answer, read from
 * what it takes (a body, an id in its path, a receipt token) and whether it asks for a staff role.
 * Which paths it holds is {@code springdoc.paths-to-match} (the API, not the pages' forms).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocs {
    static final String PROBLEM = "Problem";
    private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";
    private static final String DESCRIPTION = """
            Heard closes the inquire-and-respond loop of community engagement. Participants send feedback \
            with no account and keep a private receipt token (`X-Receipt-Token`); facilitators acknowledge \
            and summarize; leaders publish learnings and decisions; everyone can read what became of what \
            was said. Staff sign in with HTTP Basic; every error is `application/problem+json`.""";

    @Bean
    OpenApiCustomizer heardIntroduction() {
        return api -> {
            api.info(new Info().title("Heard").version(version()).description(DESCRIPTION)
                    .license(new License().name("Apache License 2.0")
                            .url("https://www.apache.org/licenses/LICENSE-2.0")));
            api.getComponents().addSchemas(PROBLEM, problemSchema());
        };
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            problems(handler).forEach((status, why) -> operation.getResponses().computeIfAbsent(status,
                    s -> new ApiResponse().description(why).content(new Content().addMediaType(
                            "application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
            return operation;
        };
    }

    static Map<String, String> problems(HandlerMethod handler) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean body = false;
        boolean id = false;
        boolean receipt = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            body |= parameter.hasParameterAnnotation(RequestBody.class);
            id |= parameter.hasParameterAnnotation(PathVariable.class);
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            receipt |= header != null && "X-Receipt-Token".equalsIgnoreCase(header.name());
        }
        if (body) {
            problems.put("400", "Malformed JSON, or fields missing or invalid: `errors` names each one");
        }
        if (receipt) {
            problems.put("401", "No receipt token, or one that opens nothing");
        }
        if (staffOnly(handler)) {
            problems.put("401", "No or wrong credentials");
            problems.put("403", "The signed-in role may not do this");
        }
        if (id) {
            problems.put("404", "No such id");
        }
        if (body) {
            problems.put("413", "A body over the size allowed (64 KiB by default)");
            problems.put("422", "A value over its cap, or a rule of the domain broken: `errors` names the field");
        }
        return problems;
    }

    private static boolean staffOnly(HandlerMethod handler) {
        return MergedAnnotations.from(handler.getMethod(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(PRE_AUTHORIZE)
                || MergedAnnotations.from(handler.getBeanType(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                        .isPresent(PRE_AUTHORIZE);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("A problem (RFC 9457)")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }

    private static String version() {
        try (InputStream in = ApiDocs.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
