package heard.events.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

class PersonalCipherTest {
    private final SecretKey key = PersonalCipher.newKey();

    /** Idempotency records sealed their receipts this way before they used this class; they still open. */
    @Test
    void opensAValueSealedWithoutAssociatedDataWhenBoundToNothing() throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal("a receipt token".getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, nonce.length);
        System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);

        assertThat(PersonalCipher.open(key, Base64.getEncoder().encodeToString(stored), ""))
                .contains("a receipt token");
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndPlace() {
        String sealed = PersonalCipher.seal(key, "words", "feedback-1/text");

        assertThat(PersonalCipher.open(key, sealed, "feedback-1/text")).contains("words");
        assertThat(PersonalCipher.open(key, sealed, "feedback-1/contact")).isEmpty();
        assertThat(PersonalCipher.open(PersonalCipher.newKey(), sealed, "feedback-1/text")).isEmpty();
        assertThat(PersonalCipher.open(key, "not base64!", "feedback-1/text")).isEmpty();
    }

    /** A thread keeps its cipher: a value that failed to open must not spoil the next one sealed or opened. */
    @Test
    void aThreadsCipherWorksOnAfterAValueFailedToOpen() {
        String first = PersonalCipher.seal(key, "words", "feedback-1/text");
        assertThat(PersonalCipher.open(key, first, "feedback-2/text")).isEmpty();

        String again = PersonalCipher.seal(key, "words", "feedback-1/text");

        assertThat(again).isNotEqualTo(first);
        assertThat(PersonalCipher.open(key, again, "feedback-1/text")).contains("words");
        assertThat(PersonalCipher.open(key, first, "feedback-1/text")).contains("words");
    }
}
