package heard.command.staff;

import heard.limits.InputLimits;
import heard.signin.ProvidedName;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the name the organization's provider gives a staff member who signed in with it, once a
 * session, at the first request of that session that reaches this side (with the sides together, the
 * page right after signing in; apart, the first form or API call, before what it does is recorded).
 * The member's aggregate records it only when it is new or changed. Runs after Spring Security (a
 * filter of the lowest order), and never holds up the request: a name that could not be recorded is
 * tried again at the session's next request.
 */
@Component
class StaffMemberNaming extends OncePerRequestFilter {
    static final String RECORDED = StaffMemberNaming.class.getName() + ".recorded";
    private static final Logger log = LoggerFactory.getLogger(StaffMemberNaming.class);

    private final CommandGateway commands;

    StaffMemberNaming(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        signedInWithProvider().ifPresent(user -> record(user, request.getSession(false)));
        chain.doFilter(request, response);
    }

    private static Optional<OidcUser> signedInWithProvider() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.isAuthenticated() && signedIn.getPrincipal() instanceof OidcUser user
                ? Optional.of(user) : Optional.empty();
    }

    private void record(OidcUser user, HttpSession session) {
        String subject = user.getName();
        Optional<String> name = ProvidedName.of(user);
        if (session == null || name.isEmpty() || subject == null || subject.length() > InputLimits.ACCOUNT_NAME) {
            return;
        }
        String recorded = subject + "\n" + name.get();
        if (recorded.equals(session.getAttribute(RECORDED))) {
            return;
        }
        try {
            commands.sendAndWait(NameStaffMember.of(subject, name.get(), Instant.now()));
            session.setAttribute(RECORDED, recorded);
        } catch (RuntimeException e) {
            log.warn("The name of a staff member signed in with the organization's provider was not recorded: {}",
                    e.toString());
        }
    }
}
