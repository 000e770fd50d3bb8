package heard.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormTokensTest {
    private static final byte[] KEY = "a secret both sides of Heard share".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T18:00:00Z");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final FormTokens tokens = at(NOW);

    private static FormTokens at(Instant instant) {
        return new FormTokens(KEY, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofHours(8));
    }

    @Test
    void aTokenIsAcceptedForItsOwnPurposeUntilItExpires() {
        String token = tokens.issue(FormTokens.feedbackForm("initiative-1"));

        assertThat(tokens.accepts(token, FormTokens.feedbackForm("initiative-1"))).isTrue();
        assertThat(at(NOW.plus(Duration.ofHours(8)).minusSeconds(1))
                .accepts(token, FormTokens.feedbackForm("initiative-1"))).isTrue();
        assertThat(at(NOW.plus(Duration.ofHours(8))).accepts(token, FormTokens.feedbackForm("initiative-1"))).isFalse();
        assertThat(tokens.accepts(token, FormTokens.feedbackForm("initiative-2"))).isFalse();
        assertThat(tokens.accepts(token, FormTokens.answerForm("initiative-1"))).isFalse();
    }

    @Test
    void eachTokenIsNew() {
        assertThat(tokens.issue(FormTokens.staffForms("maria"))).isNotEqualTo(tokens.issue(FormTokens.staffForms("maria")));
    }

    @Test
    void forgedAndMalformedTokensAreRefused() {
        String purpose = FormTokens.staffForms("maria");
        String token = tokens.issue(purpose);
        FormTokens otherKey = new FormTokens("another secret entirely, not ours".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(8));
        String payload = token.substring(0, token.indexOf('.'));
        String laterExpiry = tokens.issue(purpose).substring(0, token.indexOf('.'));

        assertThat(otherKey.accepts(token, purpose)).isFalse();
        assertThat(tokens.accepts(otherKey.issue(purpose), purpose)).isFalse();
        assertThat(tokens.accepts(laterExpiry + token.substring(token.indexOf('.')), purpose)).isFalse();
        for (String bad : new String[] {null, "", ".", payload, payload + ".", "!!!.???", token + "x",
                "x".repeat(500)}) {
            assertThat(tokens.accepts(bad, purpose)).as(bad).isFalse();
        }
    }

    @Test
    void aSpentTokenIsKnownByItsNonceAndExpiryHoweverItsSignatureIsSpelled() {
        String purpose = FormTokens.feedbackForm("initiative-1");
        String token = tokens.issue(purpose);
        // the signature's last character carries two bits that decode to nothing: flip one of them
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);

        assertThat(respelled).isNotEqualTo(token);
        assertThat(tokens.accepts(respelled, purpose)).isTrue();
        assertThat(FormTokens.spent(respelled)).isEqualTo(FormTokens.spent(token));
        assertThat(FormTokens.spent(token).hash()).hasSize(FormTokens.Spent.HASH_LENGTH).matches("[0-9a-f]+");
        assertThat(FormTokens.spent(token).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(FormTokens.spent(tokens.issue(purpose)).hash()).isNotEqualTo(FormTokens.spent(token).hash());
    }

    @Test
    void aShortOrMissingSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> FormTokens.withSecret("", Duration.ofHours(8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("heard.security.form-secret");
        assertThatThrownBy(() -> FormTokens.withSecret("short", Duration.ofHours(8)))
                .isInstanceOf(IllegalStateException.class);
        FormTokens configured = FormTokens.withSecret("x".repeat(32), Duration.ofHours(8));
        assertThat(configured.accepts(configured.issue("p"), "p")).isTrue();
    }
}
