package heard.forms;

import heard.events.digest.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens that the pages put in each form and the command side checks on each form post, so
 * that a post comes from a form this site rendered, for this purpose, not long ago, with no session
 * kept on either side. A token is a random nonce and an expiry, signed with HMAC-SHA256 over them
 * and the form's purpose under a secret both sides share ({@code heard.security.form-secret}).
 * A token is good for one accepted post: the command side keeps the {@link Spent} form of each it
 * has accepted until it expires.
 */
public final class FormTokens {
    /** The shortest secret accepted: anything shorter is guessable offline from one token. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** The demo profile's secret, public like its passwords: refused in any other profile. */
    public static final String DEMO_SECRET = "heard-demo-form-secret-not-for-real-use";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    public FormTokens(byte[] key, Clock clock, Duration lifetime) {
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Tokens signed with the configured secret; refuses one too short to keep forgers out. */
    public static FormTokens withSecret(String secret, Duration lifetime) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("Set heard.security.form-secret to the same random value of at least "
                    + MIN_SECRET_LENGTH + " characters on both sides: the pages sign their forms with it and the"
                    + " command side checks them.");
        }
        return new FormTokens(secret.strip().getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), lifetime);
    }

    /** Tokens signed with a key made now, for when one process renders and receives the forms. */
    public static FormTokens withRandomKey(Duration lifetime) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new FormTokens(key, Clock.systemUTC(), lifetime);
    }

    /** The participant's feedback form of one initiative. */
    public static String feedbackForm(String initiativeId) {
        return "feedback " + initiativeId;
    }

    /** The participant's forms on their own page: answering the summary, asking to be forgotten. */
    public static String answerForm(String feedbackId) {
        return "answer " + feedbackId;
    }

    /** The console's forms, for one staff user. */
    public static String staffForms(String user) {
        return "staff " + user;
    }

    public String issue(String purpose) {
        byte[] payload = ByteBuffer.allocate(24).put(nonce())
                .putLong(clock.instant().plus(lifetime).getEpochSecond()).array();
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(purpose, payload));
    }

    /** Whether the token was issued here for this purpose and has not expired. */
    public boolean accepts(String token, String purpose) {
        if (token == null || token.length() > 200) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return false;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (payload.length != 24 || !MessageDigest.isEqual(signature, sign(purpose, payload))) {
            return false;
        }
        return clock.instant().getEpochSecond() < ByteBuffer.wrap(payload, 16, 8).getLong();
    }

    /**
     * How an accepted token is remembered once spent: the SHA-256 of its nonce and expiry, in hex, and when
     * it expires. The signature is left out, because its last characters can be written several ways that
     * decode alike: the token must not be spendable again in another spelling.
     */
    public record Spent(String hash, Instant expiresAt) {
        /** The length of {@link #hash()}: SHA-256 in hex. */
        public static final int HASH_LENGTH = 64;
    }

    /** The spent form of a token this has {@linkplain #accepts accepted}. */
    public static Spent spent(String acceptedToken) {
        byte[] payload = DECODE.decode(acceptedToken.substring(0, acceptedToken.indexOf('.')));
        return new Spent(HexFormat.of().formatHex(Sha256.of(payload)),
                Instant.ofEpochSecond(ByteBuffer.wrap(payload, 16, 8).getLong()));
    }

    private byte[] sign(String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return nonce;
    }
}
