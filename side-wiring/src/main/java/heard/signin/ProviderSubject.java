package heard.signin;

import heard.events.digest.Sha256;
import heard.limits.InputLimits;
import java.util.Base64;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The name a staff member who signs in with the organization's provider acts under: the provider's stable subject
 * ({@code sub}), or, for a subject longer than an account name (OpenID allows 255 characters), {@code sub-} and the
 * subject's SHA-256 in URL-safe Base64: as stable, and short enough for every event's actor and every "by" column.
 */
final class ProviderSubject {
    static final String HASHED = "sub-";

    private ProviderSubject() {
    }

    static String actor(String subject) {
        if (subject == null || subject.length() <= InputLimits.ACCOUNT_NAME) {
            return subject;
        }
        return HASHED + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(subject));
    }

    /** The provider's user, named by {@link #actor}. */
    static OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService users = new OidcUserService();
        return request -> {
            OidcUser user = users.loadUser(request);
            String actor = actor(user.getName());
            return actor.equals(user.getName()) ? user : new Named(user, actor);
        };
    }

    /** Kept in the staff member's session: both sides read it. */
    private static final class Named extends DefaultOidcUser {
        private static final long serialVersionUID = 1L;
        private final String actor;

        Named(OidcUser user, String actor) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.actor = actor;
        }

        @Override
        public String getName() {
            return actor;
        }
    }
}
