package heard.query.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PageLocalesTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private final PageLocales locales = new PageLocales();

    @Test
    void englishWhenTheBrowserSaysNothingOrAsksForALanguageWeDoNotWrite() {
        assertThat(locales.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
        assertThat(locales.resolveLocale(browser("fr-FR, de;q=0.8"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theBrowsersFirstSupportedLanguage() {
        assertThat(locales.resolveLocale(browser("es-MX"))).isEqualTo(SPANISH);
        assertThat(locales.resolveLocale(browser("fr, es;q=0.8, en;q=0.5"))).isEqualTo(SPANISH);
        assertThat(locales.resolveLocale(browser("fr, en;q=0.9, es;q=0.8"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aChoiceIsRememberedInACookieAndWinsOverTheBrowser() {
        MockHttpServletRequest choosing = browser("en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        locales.setLocale(choosing, response, Locale.forLanguageTag("es-AR"));

        assertThat(locales.resolveLocale(choosing)).isEqualTo(SPANISH);
        Cookie cookie = response.getCookie(PageLocales.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("es");
        assertThat(cookie.isHttpOnly()).isTrue();

        MockHttpServletRequest later = browser("en");
        later.setCookies(new Cookie(PageLocales.COOKIE, "es"));
        assertThat(locales.resolveLocale(later)).isEqualTo(SPANISH);
    }

    @Test
    void unsupportedChoicesAreIgnored() {
        MockHttpServletRequest request = browser("es");
        MockHttpServletResponse response = new MockHttpServletResponse();
        locales.setLocale(request, response, Locale.FRENCH);
        assertThat(response.getCookies()).isEmpty();
        assertThat(locales.resolveLocale(request)).isEqualTo(SPANISH);

        MockHttpServletRequest forged = browser("en");
        forged.setCookies(new Cookie(PageLocales.COOKIE, "fr"));
        assertThat(locales.resolveLocale(forged)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aPagesOwnLanguageComesBeforeTheBrowsersButAfterTheReadersChoice() {
        MockHttpServletRequest english = browser("en");
        PageLocales.preferUnlessChosen(english, "es-MX");
        assertThat(locales.resolveLocale(english)).isEqualTo(SPANISH);

        MockHttpServletRequest unwritten = browser("es");
        PageLocales.preferUnlessChosen(unwritten, "fr");
        PageLocales.preferUnlessChosen(unwritten, null);
        assertThat(locales.resolveLocale(unwritten)).isEqualTo(SPANISH);

        MockHttpServletRequest withCookie = browser("es");
        withCookie.setCookies(new Cookie(PageLocales.COOKIE, "en"));
        PageLocales.preferUnlessChosen(withCookie, "es");
        assertThat(locales.resolveLocale(withCookie)).isEqualTo(Locale.ENGLISH);

        MockHttpServletRequest withLink = browser("es");
        locales.setLocale(withLink, new MockHttpServletResponse(), Locale.ENGLISH);
        PageLocales.preferUnlessChosen(withLink, "es");
        assertThat(locales.resolveLocale(withLink)).isEqualTo(Locale.ENGLISH);
    }

    /** MockHttpServletRequest orders the header's languages by their q values, as a servlet container does. */
    private static MockHttpServletRequest browser(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);
        return request;
    }
}
