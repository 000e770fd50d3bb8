package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every page, public and staff, rendered in English and in Spanish: in the language asked for, with
 * no message key shown raw (Thymeleaf's {@code ??key_lang??} or the key itself) and no apostrophe
 * shown doubled, as the dashboard once did.
 */
@StandaloneTest
class PagesInEachLanguageTest {
    Api api;

    @Test
    void everyPageReadsWellInEachLanguage() throws IOException {
        DecisionStory story = new DecisionStory(api, "Earlier afternoon buses");
        String id = story.initiativeId;
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("/", new String[0]);
        pages.put("/i/" + id, new String[0]);
        pages.put("/i/" + id + "?error=sent", new String[0]);
        pages.put("/i/" + id + "/learnings", new String[0]);
        pages.put("/i/" + id + "/dashboard", new String[0]);
        pages.put("/decisions/" + story.decisionId, new String[0]);
        pages.put("/r/" + story.evidenceToken, new String[0]);
        pages.put("/r/" + "P".repeat(22) + "?submitted=true", new String[0]);
        pages.put("/staff", Api.as("facilitator"));
        pages.put("/staff/i/" + id, Api.as("facilitator"));
        pages.put("/staff/i/" + id + "/corrected", Api.as("facilitator"));
        pages.put("/staff/projections", Api.as("admin"));
        pages.put("/staff/outbox", Api.as("admin"));
        Set<String> keys = keys();

        for (String language : List.of("en", "es")) {
            for (Map.Entry<String, String[]> page : pages.entrySet()) {
                String path = page.getKey() + (page.getKey().contains("?") ? "&" : "?") + "lang=" + language;
                Api.Response shown = eventually()
                        .pollInterval(Duration.ofMillis(200)).until(() -> api.get(path, page.getValue()),
                                response -> response.status() == 200);
                readsWell(path, shown.body(), language, keys);
            }
            Api.Response missing = api.get("/r/" + "M".repeat(22) + "?lang=" + language);
            assertThat(missing.status()).isEqualTo(404);
            readsWell("the page not found", missing.body(), language, keys);
        }

        assertThat(api.get("/i/" + id + "/dashboard?lang=en").body())
                .contains("Each group&#39;s share of the feedback next to its share of the community.");
        assertThat(api.get("/i/" + id + "/dashboard?lang=es").body())
                .contains("La parte de los comentarios de cada grupo junto a su parte de la comunidad.");
    }

    private static void readsWell(String page, String html, String language, Set<String> keys) {
        assertThat(html).as(page).contains("<html lang=\"" + language + "\"");
        assertThat(html).as(page + ": a message key shown raw").doesNotContain("??");
        assertThat(html).as(page + ": an apostrophe shown twice").doesNotContain("''", "&#39;&#39;");
        List<String> words = Arrays.stream(visibleText(html).split("\\s+")).toList();
        assertThat(words).as(page + ": a message key as text").doesNotContainAnyElementsOf(keys);
    }

    /** The page's text between its tags, outside its scripts and styles. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    private static Set<String> keys() throws IOException {
        Properties english = new Properties();
        try (Reader in = new InputStreamReader(PagesInEachLanguageTest.class.getClassLoader()
                .getResourceAsStream("messages.properties"), StandardCharsets.UTF_8)) {
            english.load(in);
        }
        return english.stringPropertyNames().stream().collect(Collectors.toSet());
    }
}
