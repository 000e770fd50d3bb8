package heard.headers;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The Content-Security-Policy of both sides: scripts, styles, images and connections from this
 * site only (no inline script or style attribute runs), never framed, and forms posted only here or
 * to the command side when the pages' forms post there ({@code heard.web.command-url}).
 */
public final class ContentSecurityPolicy {
    private ContentSecurityPolicy() {
    }

    public static String of(String commandUrl) {
        return policy("'self'", commandUrl);
    }

    /**
     * The API documentation (Swagger UI) adds a style element of its own when it draws; its pages
     * alone may apply inline style. They show no stored text, and no inline script runs there either.
     */
    public static String forApiDocs(String commandUrl) {
        return policy("'self' 'unsafe-inline'", commandUrl);
    }

    private static String policy(String styles, String commandUrl) {
        String formTargets = "'self'" + origin(commandUrl).map(origin -> " " + origin).orElse("");
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; form-action " + formTargets + "; base-uri 'self'; "
                + "object-src 'none'";
    }

    private static Optional<String> origin(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalStateException("heard.web.command-url must be an http(s) URL, not " + url);
        }
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
