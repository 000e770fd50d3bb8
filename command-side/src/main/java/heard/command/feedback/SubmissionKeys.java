package heard.command.feedback;

import heard.command.refusals.RuleViolation;
import heard.events.ReceiptTokens;
import heard.events.personal.PersonalCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of submissions. The receipt token must be answered again on a retry, yet only
 * its hash may be kept: so it is sealed (AES-GCM) under a key derived from the idempotency key,
 * which only the client holds. The key itself is stored only as a hash.
 * <p>
 * Whoever holds a key and the words it was sent with is answered that receipt, so a key must be too
 * long to guess: 22 to 255 characters of {@code A-Z a-z 0-9 - _}, room for 128 random bits (a UUID,
 * 32 hex digits, 22 base64url characters). The same key with other words is refused as unfit for them,
 * never as "already used", and nothing is recorded: a fresh submission would make a duplicate of every
 * retry of a client that reuses its keys.
 */
@Component
public class SubmissionKeys {
    static final String FORMAT = "use a new random key of 22 to 255 characters of A-Z, a-z, 0-9, - and _,"
            + " such as a UUID";
    private static final Pattern UNGUESSABLE = Pattern.compile("[A-Za-z0-9_-]{22,255}");
    private final JdbcClient jdbc;

    SubmissionKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Remembered(String feedbackId, String sealedToken, boolean stored) {
    }

    /**
     * The receipt this key was given, if its submission is stored. A key whose submission is not (H2 can
     * keep part of a transaction that a kill cut off; docs/performance.md "H2 after a kill") is dropped, so that
     * the retry is taken anew rather than answered with a receipt that would never open.
     */
    Optional<Receipt> find(String initiativeId, String key, Submission submission) {
        String keyHash = lookup(initiativeId, key);
        Optional<Remembered> remembered = jdbc.sql("select request_hash, feedback_id, sealed_token, (select count(*)"
                        + " from domain_event_entry where aggregate_identifier = feedback_id and sequence_number = 0)"
                        + " from submission_key where key_hash = ?")
                .param(keyHash)
                .query((rs, n) -> {
                    if (!sameHash(rs.getString(1), fingerprint(submission))) {
                        throw new RuleViolation("Idempotency-Key", "this key does not fit this submission; "
                                + FORMAT);
                    }
                    return new Remembered(rs.getString(2), rs.getString(3), rs.getLong(4) > 0);
                })
                .optional();
        if (remembered.isPresent() && !remembered.get().stored()) {
            jdbc.sql("delete from submission_key where key_hash = ?").param(keyHash).update();
            return Optional.empty();
        }
        return remembered.map(r -> new Receipt(r.feedbackId(), unseal(initiativeId, key, r.sealedToken()), true));
    }

    static boolean isUnguessable(String key) {
        return UNGUESSABLE.matcher(key).matches();
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

    /** Compared in constant time, so that how long the answer takes says nothing of how much matched. */
    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String lookup(String initiativeId, String key) {
        return ReceiptTokens.hash("submission-key\0" + initiativeId + "\0" + key);
    }

    /** The follow-up choice joins only when one is made, so a key remembered before it existed still fits. */
    private static String fingerprint(Submission s) {
        String fields = String.join("\0", s.text(), String.valueOf(s.channel()), s.language(),
                s.stakeholderGroup(), String.valueOf(s.contact()), String.valueOf(s.followUpConsent()));
        boolean followUpChosen = s.email() != null || s.mobile() != null || s.followUpByEmail() || s.followUpBySms();
        return ReceiptTokens.hash(!followUpChosen ? fields : String.join("\0", fields, "follow-up",
                String.valueOf(s.email()), String.valueOf(s.mobile()), String.valueOf(s.followUpByEmail()),
                String.valueOf(s.followUpBySms())));
    }

    private static SecretKeySpec sealingKey(String initiativeId, String key) {
        byte[] bytes = HexFormat.of().parseHex(ReceiptTokens.hash("receipt-seal\0" + initiativeId + "\0" + key));
        return new SecretKeySpec(bytes, "AES");
    }

    private static String seal(String initiativeId, String key, String token) {
        return PersonalCipher.seal(sealingKey(initiativeId, key), token, "");
    }

    private static String unseal(String initiativeId, String key, String sealed) {
        return PersonalCipher.open(sealingKey(initiativeId, key), sealed, "")
                .orElseThrow(() -> new IllegalStateException("A sealed receipt could not be opened"));
    }
}
