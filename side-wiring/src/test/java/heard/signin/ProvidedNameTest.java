package heard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import heard.limits.InputLimits;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

class ProvidedNameTest {

    private static OidcIdToken token(Map<String, Object> claims) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("id-token").subject("5f0c9a")
                .issuedAt(Instant.parse("2026-12-06T10:00:00Z")).expiresAt(Instant.parse("2026-12-06T11:00:00Z"));
        claims.forEach(token::claim);
        return token.build();
    }

    @Test
    void theNameElseThePreferredUserNameElseTheEmail() {
        assertThat(ProvidedName.of(token(Map.of("name", "Ana Ruiz", "preferred_username", "ana.ruiz",
                "email", "ana@district.example")))).hasValue("Ana Ruiz");
        assertThat(ProvidedName.of(token(Map.of("preferred_username", "ana.ruiz", "email", "ana@district.example"))))
                .hasValue("ana.ruiz");
        assertThat(ProvidedName.of(token(Map.of("name", "  ", "email", "ana@district.example"))))
                .as("a blank name is no name").hasValue("ana@district.example");
        assertThat(ProvidedName.of(token(Map.of()))).as("none of them: the subject is shown").isEmpty();
    }

    @Test
    void aNameIsMadeToFitOneLineOfTheDisplayNamesLength() {
        assertThat(ProvidedName.of(token(Map.of("name", " Ana\r\n\tRuiz\u0000 ")))).hasValue("Ana Ruiz");
        String longest = ProvidedName.of(token(Map.of("name", "Ana " + "x".repeat(500)))).orElseThrow();
        assertThat(longest).hasSize(InputLimits.DISPLAY_NAME).startsWith("Ana xxx");
        // a character outside the basic plane is two chars: it is never cut in half
        String emoji = ProvidedName.of(token(Map.of("name", "a".repeat(InputLimits.DISPLAY_NAME - 1) + "😀 Ruiz")))
                .orElseThrow();
        assertThat(emoji).isEqualTo("a".repeat(InputLimits.DISPLAY_NAME - 1));
    }
}
