package heard.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Exact figures for analysts and administrators who signed in; the public snapshot for everyone else. */
class ExactFiguresTest {
    private static Authentication signedIn(String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null,
                AuthorityUtils.createAuthorityList(roles));
    }

    @Test
    void analystsAndAdministratorsReadExactFigures() {
        assertThat(ExactFigures.allowedTo(signedIn("ROLE_ANALYST"))).isTrue();
        assertThat(ExactFigures.allowedTo(signedIn("ROLE_ADMIN"))).isTrue();
        assertThat(ExactFigures.allowedTo(signedIn("ROLE_FACILITATOR", "ROLE_ANALYST"))).isTrue();
    }

    @Test
    void otherStaffAndTheAnonymousPublicDoNot() {
        assertThat(ExactFigures.allowedTo(null)).isFalse();
        assertThat(ExactFigures.allowedTo(signedIn("ROLE_FACILITATOR", "ROLE_LEADER"))).isFalse();
        assertThat(ExactFigures.allowedTo(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isFalse();
        assertThat(ExactFigures.allowedTo(UsernamePasswordAuthenticationToken.unauthenticated("analyst",
                "guessed"))).as("credentials not yet checked").isFalse();
        assertThat(ExactFigures.allowedTo(signedIn("ANALYST")))
                .as("a role is an authority of ROLE_ and its name").isFalse();
    }
}
