package heard.query.pages;

import heard.signin.ProvidedName;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Who is signed in, for the pages' header (templates call it as {@code @staffSession}). */
@Component
public class StaffSession {
    /**
     * The signed-in staff member's name, or null for anyone else: for the organization's accounts the
     * name the provider gives, as their account name there is an opaque subject.
     */
    public String name() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || signedIn instanceof AnonymousAuthenticationToken || !signedIn.isAuthenticated()) {
            return null;
        }
        if (signedIn.getPrincipal() instanceof OidcUser user) {
            return ProvidedName.of(user).orElse(user.getName());
        }
        return signedIn.getName();
    }
}
