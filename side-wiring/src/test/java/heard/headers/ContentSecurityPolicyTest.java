package heard.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {
    @Test
    void formsPostHereOrToTheCommandSidesOrigin() {
        assertThat(ContentSecurityPolicy.of("")).contains("form-action 'self';", "script-src 'self';",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline");
        assertThat(ContentSecurityPolicy.of(null)).contains("form-action 'self';");
        assertThat(ContentSecurityPolicy.of("https://Write.Example.org:8443/heard/"))
                .contains("form-action 'self' https://write.example.org:8443;");
        assertThat(ContentSecurityPolicy.of("http://localhost:8081")).contains("form-action 'self' http://localhost:8081;");
    }

    @Test
    void onlyTheApiDocumentationMayApplyInlineStyle() {
        assertThat(ContentSecurityPolicy.forApiDocs("http://localhost:8081"))
                .contains("style-src 'self' 'unsafe-inline';", "script-src 'self';", "form-action 'self' http://localhost:8081;");
        assertThat(ContentSecurityPolicy.of("http://localhost:8081")).doesNotContain("unsafe-inline");
    }

    @Test
    void aCommandUrlThatIsNotAWebAddressStopsTheStart() {
        assertThatThrownBy(() -> ContentSecurityPolicy.of("javascript:alert(1)")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ContentSecurityPolicy.of("localhost:8081; script-src *"))
                .isInstanceOf(RuntimeException.class);
    }
}
