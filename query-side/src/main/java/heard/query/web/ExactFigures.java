package heard.query.web;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read a dashboard's exact figures, small counts included: analysts and administrators. Everyone else
 * is given its public snapshot. The answers that show figures decide with this; the readers only do as told.
 */
public final class ExactFigures {
    private static final Set<String> READERS = Set.of("ROLE_ANALYST", "ROLE_ADMIN");

    private ExactFigures() {
    }

    public static boolean allowedTo(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(READERS::contains);
    }
}
