package heard.forms;

import java.net.URI;
import java.util.Locale;

/** The site a URL belongs to, as a browser's {@code Origin} names it. */
public final class SiteOrigin {
    private SiteOrigin() {
    }

    /** scheme://host:port, lower case, with the default port spelled out; null when it is not an http(s) URL. */
    public static String of(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
