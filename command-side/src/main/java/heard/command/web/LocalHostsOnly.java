package heard.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Without {@code heard.web.pages-url}, receipt links and redirects are built from the address a request
 * was sent to, which its sender chooses ({@code Host}). So that no request can choose the site its links
 * name, that address must then be this machine (localhost, 127.0.0.1, [::1]: the quick start); any other
 * is refused with 400 before anything is read or recorded. With the setting, every address is answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LocalHostsOnly extends OncePerRequestFilter {
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final boolean pagesUrlSet;
    private final ObjectMapper json;

    LocalHostsOnly(@Value("${heard.web.pages-url:}") String pagesUrl, ObjectMapper json) {
        this.pagesUrlSet = !pagesUrl.isBlank();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return pagesUrlSet || THIS_MACHINE.contains(request.getServerName().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "This address is not configured: start Heard with heard.web.pages-url set to the address"
                        + " participants use"));
    }
}
