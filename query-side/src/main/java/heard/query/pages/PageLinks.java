package heard.query.pages;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Where the pages point. Forms post to the command side ({@code heard.web.command-url}; empty in
 * standalone, where it is this app). Receipt links are absolute, on {@code heard.web.pages-url}
 * when set (as the command side names them), else on the address the page was asked for.
 * Templates call it as {@code @pageLinks}.
 */
@Component
public class PageLinks {
    private final String commandUrl;
    private final String pagesUrl;

    PageLinks(@Value("${heard.web.command-url:}") String commandUrl, @Value("${heard.web.pages-url:}") String pagesUrl) {
        this.commandUrl = withoutTrailingSlash(commandUrl);
        this.pagesUrl = withoutTrailingSlash(pagesUrl);
    }

    /** A form's target on the command side, e.g. {@code /i/{id}/feedback}, its segments encoded. */
    String commandTarget(HttpServletRequest request, String... segments) {
        StringBuilder target = new StringBuilder(commandUrl.isEmpty() ? request.getContextPath() : commandUrl);
        for (String segment : segments) {
            target.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return target.toString();
    }

    /** The participant's own page, the link to keep. */
    String receiptUrl(String receiptToken) {
        String base = pagesUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : pagesUrl;
        return base + "/r/" + UriUtils.encodePathSegment(receiptToken, StandardCharsets.UTF_8);
    }

    /**
     * The current page in another language: a query-only link, so it stays on the page, keeping
     * what the page was told (submitted, answered, error) and changing only {@code lang}.
     */
    public String inLanguage(String language) {
        HttpServletRequest request = currentRequest();
        if (request == null || request.getDispatcherType() == DispatcherType.ERROR || request.getQueryString() == null) {
            return "?lang=" + language;
        }
        return "?" + UriComponentsBuilder.newInstance().query(request.getQueryString())
                .replaceQueryParam("lang", language).build().getQuery();
    }

    /** The other language of the two the pages are written in. */
    public String otherLanguage(String language) {
        return "es".equals(language) ? "en" : "es";
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
