package heard.signin;

import heard.limits.InputLimits;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.oidc.StandardClaimAccessor;

/**
 * The name an organization's provider gives a staff member: the ID token's {@code name}, else
 * {@code preferred_username}, else {@code email}. The provider's word is taken as it is, made to fit: on
 * one line (control characters become spaces) and cut to {@link InputLimits#DISPLAY_NAME} characters.
 */
public final class ProvidedName {
    private ProvidedName() {
    }

    /** Empty when the provider gives none of the three, or only blanks. */
    public static Optional<String> of(StandardClaimAccessor claims) {
        return Stream.of(claims.getFullName(), claims.getPreferredUsername(), claims.getEmail())
                .map(ProvidedName::fitted).filter(name -> !name.isEmpty()).findFirst();
    }

    static String fitted(String given) {
        if (given == null) {
            return "";
        }
        String line = given.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (line.length() <= InputLimits.DISPLAY_NAME) {
            return line;
        }
        int end = InputLimits.DISPLAY_NAME;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end).strip();
    }
}
