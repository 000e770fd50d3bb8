package heard.command.web;

import heard.forms.SiteOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Which site a form post comes from: its {@code Origin}, or failing that its {@code Referer}. This site
 * is the address the browser sent the post to, or {@code heard.web.pages-url} where the pages that hold
 * the forms live apart from the command side.
 */
@Component
public class FormOrigin {
    public enum Source {
        THIS_SITE,
        ANOTHER_SITE,
        /** {@code Origin: null}: a sandboxed frame, or a page whose referrer policy is {@code no-referrer}. */
        OPAQUE,
        /** Neither header: not a browser, as browsers send {@code Origin} with every post. */
        UNSTATED
    }

    private final String pagesUrl;

    FormOrigin(@Value("${heard.web.pages-url:}") String pagesUrl) {
        this.pagesUrl = pagesUrl;
    }

    public Source of(HttpServletRequest request) {
        String source = request.getHeader(HttpHeaders.ORIGIN);
        if (source == null || source.isBlank()) {
            source = request.getHeader(HttpHeaders.REFERER);
        }
        if (source == null || source.isBlank()) {
            return Source.UNSTATED;
        }
        if ("null".equals(source.strip())) {
            return Source.OPAQUE;
        }
        String from = origin(source);
        boolean here = from != null && (from.equals(origin(ServletUriComponentsBuilder.fromCurrentContextPath()
                .toUriString())) || (!pagesUrl.isBlank() && from.equals(origin(pagesUrl))));
        return here ? Source.THIS_SITE : Source.ANOTHER_SITE;
    }

    static String origin(String url) {
        return SiteOrigin.of(url);
    }
}
