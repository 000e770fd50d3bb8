package heard.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: the Base64 HMAC-SHA1, keyed with the account's auth token, of the URL the
 * gateway posted to followed by each form parameter's name and value, sorted by name. Both sides check it:
 * the command side on texts in, the query side on delivery reports.
 */
public final class TwilioSignature {
    private TwilioSignature() {
    }

    public static String of(String authToken, String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** A posted form's parameters, each with its first value, in the order they came. */
    public static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        return form;
    }

    /**
     * The URL the gateway signed: the one configured for it (as the gateway sees it, behind a proxy), or else
     * the one this request came to.
     */
    public static String signedUrl(HttpServletRequest request, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    /** Compared in constant time; a missing signature or token never matches. */
    public static boolean matches(String authToken, String url, Map<String, String> parameters, String signature) {
        if (authToken == null || authToken.isBlank() || signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(of(authToken, url, parameters).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
