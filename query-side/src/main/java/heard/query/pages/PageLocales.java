package heard.query.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the pages: the one the participant chose (with {@code ?lang=}, remembered in a
 * cookie), else the first supported one their browser asks for, else English. Only the languages
 * the pages are written in are ever chosen, whatever a cookie or a link says.
 */
class PageLocales implements LocaleResolver {
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
    static final Locale DEFAULT = Locale.ENGLISH;
    static final String COOKIE = "heard-lang";
    private static final String CHOSEN = PageLocales.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        return fromCookie(request).or(() -> fromBrowser(request)).orElse(DEFAULT);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<Locale> supported = supported(locale);
        if (supported.isEmpty()) {
            return;
        }
        request.setAttribute(CHOSEN, supported.get());
        if (response != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, supported.get().getLanguage())
                    .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                    .maxAge(Duration.ofDays(365))
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .build().toString());
        }
    }

    /**
     * Reads this request's page in the given language (a feedback's, say) unless the reader chose one
     * with the link or the cookie, and if the pages are written in it; the browser's wish comes after.
     */
    static void preferUnlessChosen(HttpServletRequest request, String languageTag) {
        if (languageTag == null || request.getAttribute(CHOSEN) != null || fromCookie(request).isPresent()) {
            return;
        }
        supported(Locale.forLanguageTag(languageTag)).ifPresent(locale -> request.setAttribute(CHOSEN, locale));
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(Locale.forLanguageTag(cookie.getValue()));
            }
        }
        return Optional.empty();
    }

    /** The browser's languages in its order of preference (the servlet container sorts them by q). */
    private static Optional<Locale> fromBrowser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Optional.empty();
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            Optional<Locale> supported = supported(wanted);
            if (supported.isPresent()) {
                return supported;
            }
        }
        return Optional.empty();
    }

    static Optional<Locale> supported(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst();
    }
}
