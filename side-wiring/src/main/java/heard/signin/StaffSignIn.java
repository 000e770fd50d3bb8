package heard.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import heard.forms.SiteOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How staff sign in, the same on both sides. A browser asking for a console page is sent to the
 * sign-in page ({@value #PAGE}); after signing in it holds a session cookie (HTTP-only, SameSite, and
 * Secure unless configured otherwise) until it signs out ({@value #SIGN_OUT}, which ends the session) or
 * stays idle past the session's timeout. Scripts and the API keep HTTP Basic and get problem+json
 * answers. The pages' forms carry signed form tokens, and the sign-in and sign-out forms are taken only
 * from this site (their {@code Origin}), so a session needs no further CSRF token.
 */
public final class StaffSignIn {
    public static final String PAGE = "/signin";
    public static final String SIGN_OUT = "/signout";
    public static final String HOME = "/staff";
    static final String SIGNED_OUT = PAGE + "?signedout";

    private StaffSignIn() {
    }

    public static HttpSecurity configure(HttpSecurity http, ObjectMapper json, Environment environment,
            UserDetailsService staff) throws Exception {
        RequestMatcher browserPage = StaffSignIn::isBrowserPage;
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> isBrowserPage(request) && request.getRequestURI()
                .startsWith(request.getContextPath() + HOME));
        cache.setMatchingRequestParameterName(null);
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(browserPage, new LoginUrlAuthenticationEntryPoint(PAGE));
        var signInFirst = new DelegatingAuthenticationEntryPoint(entryPoints);
        signInFirst.setDefaultEntryPoint((request, response, e) -> problem(response, json, HttpStatus.UNAUTHORIZED,
                "Sign in as a staff user to do this"));
        // a refused sign-in keeps nothing: no session is made to remember why
        var refused = new SimpleUrlAuthenticationFailureHandler(PAGE + "?error");
        refused.setAllowSessionCreation(false);
        String cookie = environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID");
        var signedIn = new ToTheirPage();
        var organization = OrganizationSignIn.settings(environment);
        LogoutSuccessHandler afterSignOut = organization.isPresent()
                ? OrganizationSignIn.configure(http, organization.get(), signedIn, refused, SIGNED_OUT, json)
                : toThePage();
        http.csrf(csrf -> csrf.disable())
                // a live dashboard writes its events from another thread: headers added once the request's own
                // thread came back through this filter would race with them into a response already being sent
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .requestCache(requests -> requests.requestCache(cache))
                .addFilterBefore(new FromThisSiteOnly(json), LogoutFilter.class)
                .addFilterBefore(new CurrentAccount(staff), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(PAGE).loginProcessingUrl(PAGE)
                        .successHandler(signedIn).failureHandler(refused))
                .logout(signOut -> signOut
                        .logoutRequestMatcher(request -> "POST".equals(request.getMethod()) && at(request, SIGN_OUT))
                        .logoutSuccessHandler(afterSignOut).invalidateHttpSession(true).clearAuthentication(true)
                        .deleteCookies(cookie))
                // a script's credentials hold for its one request: no session is made for them
                .httpBasic(basic -> basic.securityContextRepository(new RequestAttributeSecurityContextRepository())
                        .authenticationEntryPoint((request, response, e) -> problem(response, json,
                                HttpStatus.UNAUTHORIZED, "Sign in as a staff user to do this")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst)
                        .accessDeniedHandler((request, response, e) -> problem(response, json,
                                HttpStatus.FORBIDDEN, "Your role does not allow this")));
        return http;
    }

    private static LogoutSuccessHandler toThePage() {
        var page = new SimpleUrlLogoutSuccessHandler();
        page.setDefaultTargetUrl(SIGNED_OUT);
        return page;
    }

    /** After signing in: the page that asked for it, else the one the roles open first. */
    static final class ToTheirPage extends SavedRequestAwareAuthenticationSuccessHandler {
        ToTheirPage() {
            setDefaultTargetUrl(HOME);
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                Authentication signedIn) {
            Set<String> roles = AuthorityUtils.authorityListToSet(signedIn.getAuthorities());
            if (roles.contains("ROLE_FACILITATOR") || roles.contains("ROLE_ANALYST")) {
                return HOME;
            }
            return roles.contains("ROLE_ADMIN") ? HOME + "/accounts" : "/";
        }
    }

    /** A page a person asked for in a browser, which says it wants HTML (scripts rarely do). */
    static boolean isBrowserPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean at(HttpServletRequest request, String path) {
        return request.getRequestURI().equals(request.getContextPath() + path);
    }

    public static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        problem(response, json, status, detail, "Basic realm=\"Heard\"");
    }

    /** A problem+json answer; a 401 says how to sign in ({@code WWW-Authenticate}). */
    static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
            String challenge) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * A session acts with the account as it is now, not as it was at sign-in: roles an administrator
     * changed apply from the next request, and a disabled (or removed) account's session ends.
     */
    static final class CurrentAccount extends OncePerRequestFilter {
        private final UserDetailsService staff;

        CurrentAccount(UserDetailsService staff) {
            this.staff = staff;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
            SecurityContext context = SecurityContextHolder.getContext();
            if (context.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn
                    && signedIn.isAuthenticated()) {
                UserDetails now = current(signedIn.getName());
                if (now == null || !now.isEnabled() || !now.isAccountNonLocked()) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                } else if (!Set.copyOf(now.getAuthorities()).equals(Set.copyOf(signedIn.getAuthorities()))) {
                    var updated = UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null,
                            now.getAuthorities());
                    updated.setDetails(signedIn.getDetails());
                    context.setAuthentication(updated);
                }
            }
            chain.doFilter(request, response);
        }

        private UserDetails current(String name) {
            try {
                return staff.loadUserByUsername(name);
            } catch (UsernameNotFoundException e) {
                return null;
            }
        }
    }

    /**
     * The sign-in and sign-out forms are posted only from this site: another site cannot sign a visitor
     * in to its own account (to read what they then do) or sign them out.
     */
    static final class FromThisSiteOnly extends OncePerRequestFilter {
        private final ObjectMapper json;

        FromThisSiteOnly(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || !(at(request, PAGE) || at(request, SIGN_OUT));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
            String source = request.getHeader(HttpHeaders.ORIGIN);
            if (source == null || source.isBlank()) {
                source = request.getHeader(HttpHeaders.REFERER);
            }
            String here = SiteOrigin.of(request.getRequestURL().toString());
            if (source == null || !here.equals(SiteOrigin.of(source))) {
                problem(response, json, HttpStatus.FORBIDDEN, "Sign in and out from this site's own page");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
