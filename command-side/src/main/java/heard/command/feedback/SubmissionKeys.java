package heard.command.feedback;

import heard.command.rules.RuleViolation;
import heard.events.ReceiptTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of submissions. The receipt token must be answered again on a retry, yet only
 * its hash may be kept: so it is sealed (AES-GCM) under a key derived from the idempotency key,
 * which only the client holds. The key itself is stored only as a hash.
 */
@Component
public class SubmissionKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private final JdbcClient jdbc;

    SubmissionKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Receipt> find(String initiativeId, String key, Submission submission) {
        return jdbc.sql("select request_hash, feedback_id, sealed_token from submission_key where key_hash = ?")
                .param(lookup(initiativeId, key))
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(fingerprint(submission))) {
                        throw new RuleViolation("Idempotency-Key",
                                "this key was already used for a different submission; use a new key");
                    }
                    return new Receipt(rs.getString(2), unseal(initiativeId, key, rs.getString(3)), true);
                })
                .optional();
    }

    void remember(String initiativeId, String key, Submission submission, String feedbackId, String token) {
        jdbc.sql("insert into submission_key (key_hash, request_hash, feedback_id, sealed_token, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(lookup(initiativeId, key), fingerprint(submission), feedbackId,
                        seal(initiativeId, key, token), Timestamp.from(Instant.now()))
                .update();
    }

    /** Drops the idempotency keys of a forgotten participant's submission: their fingerprint is of its text. */
    public void forget(String feedbackId) {
        jdbc.sql("delete from submission_key where feedback_id = ?").param(feedbackId).update();
    }

    private static String lookup(String initiativeId, String key) {
        return ReceiptTokens.hash("submission-key\0" + initiativeId + "\0" + key);
    }

    private static String fingerprint(Submission s) {
        return ReceiptTokens.hash(String.join("\0", s.text(), String.valueOf(s.channel()), s.language(),
                s.stakeholderGroup(), String.valueOf(s.contact()), String.valueOf(s.followUpConsent())));
    }

    private static SecretKeySpec sealingKey(String initiativeId, String key) {
        byte[] bytes = HexFormat.of().parseHex(ReceiptTokens.hash("receipt-seal\0" + initiativeId + "\0" + key));
        return new SecretKeySpec(bytes, "AES");
    }

    private static String seal(String initiativeId, String key, String token) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(initiativeId, key), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static String unseal(String initiativeId, String key, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(initiativeId, key),
                    new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed receipt could not be opened", e);
        }
    }
}
