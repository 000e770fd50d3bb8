package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document introduces Heard and holds the API only: every {@code /api/**} endpoint the app
 * answers is in it with a summary and the problems it may answer; the pages and their form posts are not.
 */
@StandaloneTest
class ApiDocumentTest {
    Api api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentIntroducesHeard() {
        JsonNode info = document().get("info");
        assertThat(info.get("title").asText()).isEqualTo("Heard");
        assertThat(info.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.get("description").asText()).contains("inquire-and-respond loop", "receipt");
        assertThat(info.at("/license/name").asText()).isEqualTo("Apache License 2.0");
        assertThat(info.at("/license/url").asText()).startsWith("https://");
    }

    @Test
    void everyApiEndpointIsDocumentedWithItsSummaryAndProblems() {
        JsonNode paths = document().get("paths");
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, method) -> {
            for (String path : mapping.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod verb : verbs(mapping)) {
                    String endpoint = verb + " " + path;
                    endpoints.add(endpoint);
                    JsonNode operation = paths.path(path).path(verb.name().toLowerCase(Locale.ROOT));
                    assertThat(operation.isObject()).as(endpoint + " is documented").isTrue();
                    assertThat(operation.path("summary").asText()).as(endpoint + " has a summary").isNotBlank();
                    JsonNode responses = operation.get("responses");
                    List<String> problems = problems(method);
                    assertThat(responses.fieldNames()).toIterable().as(endpoint).containsAll(problems);
                    problems.forEach(status -> assertThat(responses.path(status).path("content")
                            .has("application/problem+json")).as(endpoint + " " + status).isTrue());
                }
            }
        });
        assertThat(endpoints).hasSizeGreaterThan(30);
    }

    @Test
    void thePagesAndTheirFormsAreLeftOut() {
        assertThat(document().get("paths").fieldNames()).toIterable().isNotEmpty()
                .allMatch(path -> path.startsWith("/api/"));
    }

    /** The problems an endpoint may answer, from what it takes and who may call it. */
    private static List<String> problems(HandlerMethod method) {
        List<String> problems = new ArrayList<>();
        boolean hasBody = false;
        boolean hasPathVariable = false;
        for (var parameter : method.getMethodParameters()) {
            hasBody |= parameter.hasParameterAnnotation(RequestBody.class);
            hasPathVariable |= parameter.hasParameterAnnotation(PathVariable.class);
        }
        if (hasBody) {
            problems.addAll(List.of("400", "413", "422"));
        }
        if (hasPathVariable) {
            problems.add("404");
        }
        if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class)) {
            problems.addAll(List.of("401", "403"));
        }
        return problems;
    }

    private static List<RequestMethod> verbs(RequestMappingInfo mapping) {
        var verbs = mapping.getMethodsCondition().getMethods();
        return verbs.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(verbs);
    }

    private JsonNode document() {
        Api.Response document = api.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        return document.json();
    }
}
