package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;

/**
 * A live dashboard's events are written from another thread while the request's own thread is still on its way
 * back through the filters. Headers the security filters added on that way back would be written into a response
 * that is already being sent, and could break it: they are all in place before the answer begins.
 */
@StandaloneTest
class HeadersBeforeTheAnswerTest {
    @Autowired
    @Qualifier("springSecurityFilterChain")
    FilterChainProxy security;

    @Test
    void theSecurityHeadersAreInPlaceBeforeTheAnswerBegins() throws Exception {
        Map<String, String> whenTheAnswerBegan = new HashMap<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/initiatives/any/stream");
        security.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            HttpServletResponse response = (HttpServletResponse) res;
            for (String header : new String[] {"X-Content-Type-Options", "Content-Security-Policy", "X-Frame-Options",
                    "Referrer-Policy"}) {
                whenTheAnswerBegan.put(header, response.getHeader(header));
            }
        });
        assertThat(whenTheAnswerBegan).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY").containsEntry("Referrer-Policy", "same-origin");
        assertThat(whenTheAnswerBegan.get("Content-Security-Policy")).contains("default-src");
    }
}
