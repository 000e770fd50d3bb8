package heard.events;

import heard.events.digest.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Receipt tokens: 128 random bits, shown to the participant once. Only {@link #hash} is stored,
 * by both sides, so the hash function is part of the wire contract.
 */
public final class ReceiptTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptTokens() {
    }

    public static String newToken() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(Sha256.of(token));
    }

    /** A token as {@link #newToken} makes them: 22 URL-safe Base64 characters. */
    public static boolean isWellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22}");
    }
}
