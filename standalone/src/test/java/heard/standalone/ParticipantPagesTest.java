package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.forms.FormTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The participant's side of the loop, through the pages as a browser without JavaScript uses them:
 * find a question, answer it with the form, keep the receipt link, check the summary, and read
 * what was done, in English and in Spanish.
 */
@StandaloneTest
class ParticipantPagesTest {
    Api api;
    Loop loop;

    private final Map<String, String> tokensGiven = new HashMap<>();

    @Test
    void theHomePageListsTheQuestionsInTheReadersLanguage() throws Exception {
        String id = launch("Safer routes to school", "What would make the walk to school safer?");

        Api.Response english = get("/", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(english.body())
                .contains("<html lang=\"en\">", "Have your say", "Safer routes to school",
                        "What would make the walk to school safer?", "Give feedback", "You said, we did",
                        "href=\"/i/" + id + "\"", "href=\"/i/" + id + "/learnings\"", "href=\"#main\"");

        Api.Response spanish = get("/", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
        assertThat(spanish.body())
                .contains("<html lang=\"es\">", "Dé su opinión", "Dar mi opinión", "Usted dijo, nosotros hicimos",
                        "Ir al contenido principal", "Safer routes to school")
                .doesNotContain("Have your say");
    }

    @Test
    void theFormAsksTheQuestionAndPostsToTheCommandSide() throws Exception {
        String id = launch("Lunch for everyone", "How could school lunch work better for your family?");

        String page = get("/i/" + id).body();
        assertThat(page)
                .contains("<html lang=\"en\">", "How could school lunch work better for your family?")
                .contains("method=\"post\"", "enctype=\"application/x-www-form-urlencoded\"",
                        "action=\"/i/" + id + "/feedback\"")
                .contains("<label for=\"text\">Your feedback</label>",
                        "<textarea id=\"text\" name=\"text\" rows=\"8\" required maxlength=\"20000\"")
                .contains("<label for=\"language\">", "<option value=\"en\" lang=\"en\"", ">Español</option>")
                .contains("<legend>Which best describes you?</legend>", "type=\"radio\" name=\"stakeholderGroup\"",
                        "value=\"families\"", "value=\"students\"", "<label for=\"group-0\">Parents and families</label>")
                .contains("<label for=\"contact\">", "name=\"contact\" maxlength=\"320\"",
                        "name=\"followUpConsent\" value=\"true\"", "<label for=\"followUpConsent\">")
                .contains("never shown publicly")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .contains("within 3 days")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void spanishIsChosenWithTheLinkAndRemembered() throws Exception {
        String id = launch("Horario escolar", "¿Qué horario le funciona mejor a su familia?");

        Api.Response chosen = get("/i/" + id + "?lang=es", "Accept-Language", "en");
        assertThat(chosen.body())
                .contains("<html lang=\"es\">", "Su opinión", "¿Qué le describe mejor?", "Enviar mi opinión",
                        "<input type=\"hidden\" name=\"lang\" value=\"es\">", "nunca se muestra en público",
                        "en 3 días como máximo", "¿Qué horario le funciona mejor a su familia?")
                .contains("href=\"?lang=en\"");
        String cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("heard-lang=es").contains("HttpOnly", "SameSite=Lax");

        Api.Response later = get("/", "Accept-Language", "en", "Cookie", cookie.split(";")[0]);
        assertThat(later.body()).contains("<html lang=\"es\">", "Dé su opinión");

        assertThat(get("/?lang=fr", "Accept-Language", "fr").body()).contains("<html lang=\"en\">", "Have your say");
        assertThat(get("/", "Cookie", "heard-lang=xx").body()).contains("<html lang=\"en\">");
    }

    @Test
    void aSubmissionLeadsToTheParticipantsOwnPage() throws Exception {
        String id = launch("Safer routes to school", "What would make the walk to school safer?");

        Api.Response posted = postForm("/i/" + id + "/feedback", form(
                "text", "El cruce de la calle Main es peligroso por la mañana.",
                "language", "es", "stakeholderGroup", "families", "contact", "", "lang", "es"));
        assertThat(posted.status()).isEqualTo(303);
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).matches("/r/[A-Za-z0-9_-]{22}");
        assertThat(location.getQuery()).isEqualTo("submitted=true&lang=es");

        Api.Response receipt = eventually()
                .until(() -> get(location), r -> r.body().contains("El cruce de la calle Main"));
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(receipt.headers().firstValue("Cache-Control")).hasValue("no-store");
        String receiptUrl = api.base() + location.getPath();
        assertThat(receipt.body())
                .contains("<html lang=\"es\">", "<meta name=\"referrer\" content=\"no-referrer\">")
                .contains("Gracias, la recibimos.", "Guarde este enlace:", "href=\"" + receiptUrl + "\"",
                        ">" + receiptUrl + "</a>")
                .contains("Tenemos su opinión.", "Nuestro compromiso", "Safer routes to school")
                .contains("<ol class=\"steps\"", "Usted envió su opinión.")
                .doesNotContain("¿Le entendimos bien?");

        String later = get(location.getPath(), "Accept-Language", "en-US,en;q=0.9").body();
        assertThat(later).as("the page opens in the language of the feedback, whatever the browser asks")
                .contains("<html lang=\"es\">", "Su opinión", "El cruce de la calle Main")
                .doesNotContain("Guarde este enlace:");
    }

    @Test
    void theReceiptOpensInTheFeedbacksLanguageAndTheSwitchStillWorks() throws Exception {
        String id = launch("Safer routes to school", "What would make the walk to school safer?");
        String receipt = submit(id, "La parada del autobús no tiene techo.", "es");
        eventually().until(() -> get(receipt).body(), body -> body.contains("La parada del autobús"));

        assertThat(get(receipt).body()).contains("<html lang=\"es\">", "Su opinión", "href=\"?lang=en\"");
        assertThat(get(receipt, "Accept-Language", "en").body()).contains("<html lang=\"es\">");

        Api.Response switched = get(receipt + "?lang=en");
        assertThat(switched.body()).contains("<html lang=\"en\">", "Your feedback", "href=\"?lang=es\"");
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(get(receipt, "Cookie", cookie.substring(0, cookie.indexOf(';'))).body())
                .as("a language the participant chose is remembered").contains("<html lang=\"en\">");

        String english = submit(id, "The bus stop has no roof.", "en");
        eventually().until(() -> get(english).body(), body -> body.contains("The bus stop has no roof."));
        assertThat(get(english, "Accept-Language", "es").body()).contains("<html lang=\"en\">", "Your feedback");
    }

    @Test
    void thePageSaysTheFeedbackIsOnItsWayWhileItIsBeingRecorded() throws Exception {
        String unknown = "/r/" + "A".repeat(22);

        Api.Response pending = get(unknown + "?submitted=true");
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(pending.body()).contains("We received your feedback", "It will appear here in a moment.",
                "Reload this page", "href=\"?submitted=true&amp;lang=en\"");

        Api.Response missing = get(unknown);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(missing.body()).contains("We could not find this page", "copied the whole link");
        assertThat(get("/r/not-a-token?submitted=true").status()).isEqualTo(404);
    }

    @Test
    void storedTextIsShownAsTextNeverAsMarkup() throws Exception {
        String id = launch("<b>Bold</b> title", "<img src=x onerror=alert(2)>?");
        String receipt = submit(id, "<script>alert(1)</script> & more", "en");

        String page = eventually().until(() -> get(receipt).body(), body -> body.contains("alert(1)"));
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(get("/").body()).contains("&lt;b&gt;Bold&lt;/b&gt; title", "&lt;img src=x onerror=alert(2)&gt;?")
                .doesNotContain("<b>Bold</b>", "<img src=x");
        assertThat(get("/i/" + id).body()).doesNotContain("<img src=x");
    }

    @Test
    void theFormNamesWhatToFix() throws Exception {
        String id = launch("Parks", "What would you change in the park?");

        Api.Response empty = postForm("/i/" + id + "/feedback",
                form("text", " ", "language", "en", "stakeholderGroup", "families", "lang", "en"));
        assertThat(empty.status()).isEqualTo(303);
        URI back = URI.create(empty.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/i/" + id);
        assertThat(get(back).body()).contains("role=\"alert\"", "There is a problem",
                "Please write your feedback", "href=\"#text\"", "aria-invalid=\"true\"");

        Api.Response noGroup = postForm("/i/" + id + "/feedback",
                form("text", "More shade, please", "language", "es", "stakeholderGroup", "", "lang", "es"));
        String spanish = get(URI.create(noGroup.headers().firstValue("Location").orElseThrow())).body();
        assertThat(spanish).contains("role=\"alert\"", "Hay un problema", "Elija el grupo que mejor le describe");

        assertThat(get("/i/" + id + "?error=%3Cscript%3E").body()).contains("role=\"alert\"", "Something went wrong")
                .doesNotContain("<script>");
    }

    @Test
    void theParticipantConfirmsOrCorrectsTheSummaryOnTheirPage() throws Exception {
        String id = launch("Bus routes", "Which bus route would help your family most?");
        String receipt = submit(id, "Route 9 should stop near the clinic.", "en");
        String token = receipt.substring("/r/".length());
        String feedbackId = eventually()
                .until(() -> receiptFeed(token), feed -> feed != null).get("feedbackId").asText();

        asFacilitator("/api/feedback/" + feedbackId + "/acknowledgement", Map.of("message", "Thank you, we read it."));
        asFacilitator("/api/feedback/" + feedbackId + "/understanding",
                Map.of("summary", "You would like route 9 to stop at the school."));
        String asking = eventually()
                .until(() -> get(receipt).body(), body -> body.contains("Did we understand you?"));
        assertThat(asking)
                .contains("action=\"" + receipt + "/answer\"", "name=\"feedbackId\" value=\"" + feedbackId + "\"",
                        "name=\"confirmed\" value=\"true\"", "Yes, that&#39;s right",
                        "name=\"confirmed\" value=\"false\"", "No, let me correct it", "<label for=\"correction\">")
                .contains("Thank you, we read it.", "You would like route 9 to stop at the school.");

        Api.Response blank = postForm(receipt + "/answer",
                form("feedbackId", feedbackId, "confirmed", "false", "correction", "", "lang", "en"));
        assertThat(blank.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(receipt + "?error=correction&lang=en"));
        assertThat(get(receipt + "?error=correction&lang=en").body()).contains("role=\"alert\"",
                "Please tell us what we got wrong");

        Api.Response corrected = postForm(receipt + "/answer", form("feedbackId", feedbackId,
                "confirmed", "false", "correction", "Not the school: the clinic on Elm Street.", "lang", "en"));
        assertThat(corrected.status()).isEqualTo(303);
        URI afterCorrection = URI.create(corrected.headers().firstValue("Location").orElseThrow());
        assertThat(afterCorrection.getQuery()).isEqualTo("answered=true&lang=en");
        String correctedPage = eventually()
                .until(() -> get(afterCorrection).body(), body -> body.contains("You corrected us. A facilitator"));
        assertThat(correctedPage).contains("We have recorded your answer", "You corrected us:",
                "Not the school: the clinic on Elm Street.").doesNotContain("Did we understand you?");

        asFacilitator("/api/feedback/" + feedbackId + "/understanding",
                Map.of("summary", "You would like route 9 to stop at the clinic on Elm Street."));
        eventually()
                .until(() -> get(receipt + "?lang=es").body(), body -> body.contains("¿Le entendimos bien?")
                        && body.contains("Sí, es correcto"));
        Api.Response confirmed = postForm(receipt + "/answer",
                form("feedbackId", feedbackId, "confirmed", "true", "lang", "es"));
        URI afterConfirmation = URI.create(confirmed.headers().firstValue("Location").orElseThrow());
        assertThat(afterConfirmation.getQuery()).isEqualTo("answered=true&lang=es");
        String confirmedPage = eventually()
                .until(() -> get(receipt + "?lang=es").body(),
                        body -> body.contains("Usted confirmó que le entendimos bien. Su opinión"));
        assertThat(confirmedPage).doesNotContain("¿Le entendimos bien?");
        assertThat(stepTitles(confirmedPage)).containsExactly(
                "Usted envió su opinión.",
                "El equipo facilitador leyó su opinión y le respondió:",
                "El equipo facilitador escribió lo que entendió:",
                "Usted nos corrigió:",
                "El equipo facilitador escribió lo que entendió:",
                "Usted confirmó que le entendimos bien.");

        Api.Response again = postForm(receipt + "/answer",
                form("feedbackId", feedbackId, "confirmed", "true", "lang", "en"));
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("?error=answer&lang=en"));
        assertThat(get(receipt + "?error=answer").body()).contains("role=\"alert\"", "no longer waiting");
    }

    @Test
    void publishedLearningsCloseTheLoopAndAppearNewestFirst() throws Exception {
        String id = launch("Homework help", "What help with homework would your family use?");
        String receipt = submit(id, "An evening homework club at the library.", "en");
        String token = receipt.substring("/r/".length());
        String feedbackId = eventually()
                .until(() -> receiptFeed(token), feed -> feed != null).get("feedbackId").asText();

        assertThat(get("/i/" + id + "/learnings").body()).contains("You said, we did", "Nothing published yet");

        publish(id, "Homework club opens", "The library hosts a homework club on Tuesdays.", List.of(feedbackId));
        publish(id, "Spanish-speaking tutors", "Two tutors who speak Spanish join in March.", List.of());

        String feed = eventually()
                .until(() -> get("/i/" + id + "/learnings").body(), body -> body.contains("Spanish-speaking tutors")
                        && body.contains("Homework club opens"));
        assertThat(feed.indexOf("Spanish-speaking tutors")).isLessThan(feed.indexOf("Homework club opens"));
        assertThat(feed).contains("What we heard from you", "We did", "The library hosts a homework club on Tuesdays.",
                "What happens next", "Give feedback on this question");

        String page = eventually().until(() -> get(receipt).body(), body -> body.contains("Done: we have published"));
        assertThat(page).contains("We published what we learned:", "Homework club opens",
                "The library hosts a homework club on Tuesdays.", "href=\"/i/" + id + "/learnings#learning-",
                "Done: we have published what we did")
                .doesNotContain("Spanish-speaking tutors");
        assertThat(stepTitles(page)).endsWith("We published what we learned:",
                "Your loop is closed: we have told you what became of what you said.");

        assertThat(get("/i/" + id + "/learnings?lang=es").body()).contains("Usted dijo, nosotros hicimos",
                "Nosotros hicimos", "Lo que viene");
    }

    @Test
    void unknownQuestionsAndReceiptsAreNotFound() throws Exception {
        Api.Response form = get("/i/no-such-initiative");
        assertThat(form.status()).isEqualTo(404);
        assertThat(form.body()).contains("<html lang=\"en\">", "We could not find this page", "All questions");

        assertThat(get("/i/no-such-initiative/learnings").status()).isEqualTo(404);
        Api.Response spanish = get("/i/no-such-initiative", "Accept-Language", "es");
        assertThat(spanish.status()).isEqualTo(404);
        assertThat(spanish.body()).contains("No encontramos esta página");

        String randomToken = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        assertThat(get("/r/" + randomToken).status()).isEqualTo(404);

        // a form rendered before its question was taken away
        String signed = FormTokens.withSecret(StandaloneTest.FORM_SECRET, Duration.ofHours(1))
                .issue(FormTokens.feedbackForm("no-such-initiative"));
        Api.Response gone = postForm("/i/no-such-initiative/feedback", form("text", "Hello",
                "language", "en", "stakeholderGroup", "families", "lang", "en", "formToken", signed));
        URI home = URI.create(gone.headers().firstValue("Location").orElseThrow());
        assertThat(get(home).body()).contains("role=\"alert\"", "We could not find that question");
    }

    // --- helpers -------------------------------------------------------------------------------

    private String launch(String title, String question) throws Exception {
        Map<String, Object> body = Map.of("title", title, "guidingQuestion", question,
                "stakeholderGroups", List.of(
                        Map.of("code", "families", "name", "Parents and families", "role", "BENEFICIARY",
                                "populationShare", 0.6),
                        Map.of("code", "students", "name", "Students", "role", "BENEFICIARY", "populationShare", 0.3)),
                "languages", List.of("en", "es"), "acknowledgeWithinHours", 72);
        Api.Response launched = api.post("/api/initiatives", Api.JSON.writeValueAsString(body), Api.as("leader"));
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        String id = launched.json().get("initiativeId").asText();
        loop.awaitQuestionPage(id);
        return id;
    }

    /** Sends feedback through the form and answers the path of the receipt page it leads to. */
    private String submit(String initiativeId, String text, String lang) {
        Api.Response posted = postForm("/i/" + initiativeId + "/feedback", form("text", text,
                "language", lang, "stakeholderGroup", "families", "contact", "", "lang", lang));
        assertThat(posted.status()).isEqualTo(303);
        return URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private JsonNode receiptFeed(String token) {
        Api.Response mine = api.get("/api/receipts/me", "X-Receipt-Token", token);
        return mine.status() == 200 ? mine.json() : null;
    }

    private void asFacilitator(String path, Map<String, Object> body) throws Exception {
        Api.Response done = api.post(path, Api.JSON.writeValueAsString(body), Api.as("facilitator"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private void publish(String initiativeId, String title, String decided, List<String> feedbackIds)
            throws Exception {
        Api.Response published = api.post("/api/initiatives/" + initiativeId + "/learnings",
                Api.JSON.writeValueAsString(Map.of("title", title,
                        "whatWeHeard", "Families asked for help after school.", "whatWeDecided", decided,
                        "whatWeLearned", "Evenings suit working parents.",
                        "whatsNext", "We ask again in June.", "feedbackIds", feedbackIds)), Api.as("leader"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    private static List<String> stepTitles(String page) {
        return page.lines().map(String::strip)
                .filter(line -> line.startsWith("<p class=\"step__title\">"))
                .map(line -> line.replace("<p class=\"step__title\">", "").replace("</p>", ""))
                .toList();
    }

    /** A page, as a browser asks for it. */
    private Api.Response get(String pathAndQuery, String... headers) {
        return api.get(pathAndQuery, Api.headers(new String[] {"Accept", "text/html"}, headers));
    }

    /** The page a redirect named, wherever its address begins. */
    private Api.Response get(URI uri, String... headers) {
        return get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), headers);
    }

    /**
     * Posts a form as a browser does: from its page (the question's form, or the receipt page), with
     * the token that page signed, unless the fields bring their own. A page that no longer shows the
     * form stands for a tab opened earlier, which still holds the token it was given then.
     */
    private Api.Response postForm(String path, List<String> given) {
        List<String> fields = new ArrayList<>(given);
        boolean ownToken = java.util.stream.IntStream.range(0, given.size() / 2)
                .anyMatch(i -> given.get(2 * i).equals("formToken"));
        if (!ownToken) {
            String page = path.substring(0, path.lastIndexOf('/'));
            FormPage.tokenIn(get(page).body()).ifPresent(token -> tokensGiven.put(page, token));
            if (tokensGiven.containsKey(page)) {
                fields.add("formToken");
                fields.add(tokensGiven.get(page));
            }
        }
        return api.postAs("application/x-www-form-urlencoded", path, FormPage.body(fields.toArray(String[]::new)));
    }

    private static List<String> form(String... namesAndValues) {
        return List.of(namesAndValues);
    }
}
