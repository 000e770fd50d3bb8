package heard.query.pages;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for the pages' header (templates call it as {@code @staffSession}). */
@Component
public class StaffSession {
    /** The signed-in staff member's name, or null for anyone else. */
    public String name() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null || signedIn instanceof AnonymousAuthenticationToken || !signedIn.isAuthenticated()
                ? null : signedIn.getName();
    }
}
