package heard.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone who chooses the organization's sign-in while its provider cannot be reached goes back to the sign-in
 * page, which says so and offers the name and password form, instead of to an error.
 */
final class ProviderUnavailable extends OncePerRequestFilter {
    static final String NOTICE = "?unavailable";
    private final FromProvider<?> settings;

    ProviderUnavailable(FromProvider<?> settings) {
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + OrganizationSignIn.START + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.get().isPresent()) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + StaffSignIn.PAGE + NOTICE);
        }
    }
}
