package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web dashboard as a browser without script reads it: its tables, its languages, and its hidden small counts. */
@StandaloneTest
class DashboardPageTest {
    Api api;
    Loop loop;

    @Test
    void thePublicPageShowsEveryChartWithItsTableAndFlagsTheMissingVoices() {
        String initiativeId = loop.initiativeWithElevenVoices();

        Api.Response page = api.get("/i/" + initiativeId + "/dashboard", "Accept-Language", "en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("How we are listening", "Getting to school safely",
                "id=\"chart-participation\"", "id=\"chart-loop\"", "id=\"chart-timing\"", "id=\"chart-engagement\"",
                "id=\"indicator-charts\"", "id=\"table-participation\"", "id=\"table-loop\"", "id=\"table-timing\"",
                "id=\"table-decisions\"", "id=\"table-indicators\"", "Show these figures as a table",
                "data-stream=\"/api/initiatives/" + initiativeId + "/stream\"",
                "src=\"/webjars/chart.js/", "/dist/chart.umd.min-", "src=\"/dashboard-",
                "numbers under 5", "move in steps, not with each piece of feedback", "by at least 5",
                "<tr class=\"flagged\">", "Under-represented")
                .doesNotContain("cdn.", "https://", "<script>");
        // families: 5 of 11 is 45.5% of the voices against 60% of the community, an index of 0.76
        assertThat(row(page.body(), "Families")).contains(">5<", "45.5%", "60%", "0.76", "Under-represented");
        assertThat(row(page.body(), "School staff")).contains(">6<", "54.5%", "10%", "5.45");
    }

    @Test
    void smallCountsAreHiddenOnThePublicPageAndShownToAnalysts() {
        String initiativeId = loop.launchInitiative();
        loop.submit(initiativeId, "Only one voice so far");
        loop.awaitDashboard(initiativeId, dashboard -> dashboard.at("/participation/total").asInt() == 1);

        Api.Response everyone = api.get("/i/" + initiativeId + "/dashboard/tables");
        assertThat(everyone.status()).isEqualTo(200);
        assertThat(everyone.body()).contains("id=\"key-figures\"", "id=\"table-participation\"", "id=\"table-themes\"",
                "Hidden to protect privacy");
        assertThat(row(everyone.body(), "Sent to us")).contains("hidden").doesNotContain(">1<");
        assertThat(row(everyone.body(), "Families")).contains("hidden").doesNotContain(">1<");

        Api.Response analyst = api.get("/i/" + initiativeId + "/dashboard/tables", Api.as("analyst"));
        assertThat(row(analyst.body(), "Sent to us")).contains(">1<");
        Api.Response page = api.get("/i/" + initiativeId + "/dashboard", Api.as("analyst"));
        assertThat(page.body()).contains("You are seeing exact figures").doesNotContain("move in steps");
    }

    @Test
    void thePageSpeaksSpanish() {
        String initiativeId = loop.initiativeWithElevenVoices();
        Api.Response page = api.get("/i/" + initiativeId + "/dashboard?lang=es");
        assertThat(page.body()).contains("<html lang=\"es\">", "Cómo estamos escuchando", "Quién ha hablado",
                "Subrepresentado", "Mostrar estas cifras como tabla", "45,5", "Mensaje de texto",
                "cambian por tramos, no con cada comentario", "en al menos 5")
                .doesNotContain("Who has spoken");
    }

    @Test
    void theChartsComeFromTheAppItselfAndUnknownInitiativesAreNotFound() {
        Api.Response chartJs = api.get("/webjars/chart.js/dist/chart.umd.min.js");
        assertThat(chartJs.status()).isEqualTo(200);
        assertThat(chartJs.contentType()).contains("javascript");
        assertThat(api.get("/dashboard.js").status()).isEqualTo(200);
        assertThat(api.get("/i/nope/dashboard").status()).isEqualTo(404);
        assertThat(api.get("/i/nope/dashboard/tables").status()).isEqualTo(404);
    }

    @Test
    void theQuestionsLeadToTheirDashboards() {
        String initiativeId = loop.launchInitiative();
        loop.awaitQuestionPage(initiativeId);
        assertThat(api.get("/").body()).contains("href=\"/i/" + initiativeId + "/dashboard\"");
        assertThat(api.get("/i/" + initiativeId + "/learnings").body())
                .contains("href=\"/i/" + initiativeId + "/dashboard\"");
    }

    /** The table row whose heading cell is the given label, as HTML. */
    static String row(String html, String label) {
        Matcher row = Pattern.compile("<tr[^>]*>\\s*<th scope=\"row\">" + Pattern.quote(label) + "</th>(.*?)</tr>",
                Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("a row for " + label).isTrue();
        return row.group(1);
    }
}
