package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facilitator console as staff use it without JavaScript: sign in with the browser's prompt,
 * read and filter the inbox, answer with one form post each, and find the summaries participants
 * corrected. Participants' pages stay open to everyone.
 */
@StandaloneTest
class StaffConsoleTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    /** How many submissions one page of the console shows. */
    private static final int CONSOLE_PAGE_SIZE = 20;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Loop loop;

    @Test
    void theConsoleAsksForStaffSignInAndLeavesParticipantsPagesOpen() {
        String initiativeId = loop.launchInitiative();
        loop.awaitQuestionPage(initiativeId);

        for (String path : List.of("/staff", "/staff/", "/staff/i/" + initiativeId,
                "/staff/i/" + initiativeId + "/corrected")) {
            Api.Response anonymous = api.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"Heard\"");
        }
        assertThat(api.get("/staff", "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("facilitator:wrong".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
        assertThat(api.get("/staff", Api.as("leader")).status()).isEqualTo(403);
        assertThat(api.get("/staff", Api.as("admin")).status()).isEqualTo(403);
        assertThat(api.postAs(FORM, "/staff/feedback/x/acknowledgement", form("message", "Hi",
                "returnTo", "/staff/i/" + initiativeId), origin()).status()).isEqualTo(401);

        assertThat(api.get("/").status()).isEqualTo(200);
        assertThat(api.get("/i/" + initiativeId).status()).isEqualTo(200);
        assertThat(api.get("/i/" + initiativeId + "/learnings").status()).isEqualTo(200);

        Api.Response home = api.get("/staff", Api.as("facilitator"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        assertThat(home.body()).contains("Facilitator console", "Getting to school safely",
                "href=\"/staff/i/" + initiativeId + "\"", "href=\"/staff/i/" + initiativeId + "/corrected\"",
                "<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(api.get("/staff", Api.as("analyst")).status()).isEqualTo(200);
        assertThat(api.get("/staff/i/no-such-question", Api.as("facilitator")).status()).isEqualTo(404);
    }

    @Test
    void theInboxShowsEachSubmissionAndFiltersByStatusGroupAndOverdue() {
        String initiativeId = loop.launchInitiative();
        String family = loop.submit(initiativeId, "The crossing <script>alert(1)</script> has no guard")
                .get("feedbackId").asText();
        Api.Response staffSubmission = api.post("/api/initiatives/" + initiativeId + "/feedback", """
                {"text": "Teachers park on the footpath", "channel": "WEB", "language": "en",
                 "stakeholderGroup": "staff", "contact": "teacher@example.org", "followUpConsent": false}""");
        assertThat(staffSubmission.status()).isEqualTo(201);
        String teacher = staffSubmission.json().get("feedbackId").asText();
        loop.awaitInbox(initiativeId, "", 2);

        String inbox = page("/staff/i/" + initiativeId, "facilitator");
        assertThat(inbox)
                .contains("Inbox", "2 submissions", "id=\"item-" + family + "\"", "id=\"item-" + teacher + "\"")
                .contains("The crossing &lt;script&gt;alert(1)&lt;/script&gt; has no guard")
                .doesNotContain("<script>alert(1)</script>")
                .contains("Teachers park on the footpath", "Text message", "Web form", "School staff", "Families")
                .contains("New, not yet acknowledged", "Acknowledge by")
                // Contact only when the participant agreed to be contacted.
                .contains("+1 555 0100").doesNotContain("teacher@example.org")
                .contains("<form method=\"get\"", "<label for=\"status\">Status</label>",
                        "<label for=\"group\">Group</label>", "<label for=\"overdue\">Acknowledgement</label>")
                .contains("action=\"/staff/feedback/" + family + "/acknowledgement\"",
                        "action=\"/staff/feedback/" + family + "/understanding\"",
                        "action=\"/staff/feedback/" + family + "/themes\"",
                        "<input type=\"hidden\" name=\"returnTo\" value=\"/staff/i/" + initiativeId + "\">",
                        "<label for=\"ack-" + family + "\">")
                .doesNotContain("Overdue</strong>");

        assertThat(page("/staff/i/" + initiativeId + "?group=staff", "facilitator"))
                .contains("1 submission", "Teachers park").doesNotContain("The crossing");
        assertThat(page("/staff/i/" + initiativeId + "?status=ACKNOWLEDGED", "facilitator"))
                .contains("Nothing matches these filters.").doesNotContain("Teachers park", "The crossing");
        assertThat(page("/staff/i/" + initiativeId + "?status=SUBMITTED&group=families", "facilitator"))
                .contains("The crossing").doesNotContain("Teachers park")
                .contains("<option value=\"SUBMITTED\" selected=\"selected\">",
                        "<option value=\"families\" selected=\"selected\">");
        assertThat(page("/staff/i/" + initiativeId + "?overdue=true", "facilitator"))
                .contains("Nothing matches these filters.");
        // Unknown filter values are ignored rather than failing the page.
        assertThat(page("/staff/i/" + initiativeId + "?status=LOST&group=nobody&overdue=perhaps&page=x",
                "facilitator")).contains("2 submissions");

        // The acknowledgement promise runs out for the family's submission.
        jdbc.update("update inbox_item set acknowledge_by = ? where feedback_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), family);
        assertThat(page("/staff/i/" + initiativeId + "?overdue=true", "facilitator"))
                .contains("1 submission", "The crossing", "Overdue</strong>", "inbox-item--overdue")
                .doesNotContain("Teachers park");
        assertThat(page("/staff/i/" + initiativeId + "?overdue=false", "facilitator"))
                .contains("Teachers park").doesNotContain("The crossing");

        assertThat(page("/staff/i/" + initiativeId + "?lang=es", "facilitator"))
                .contains("<html lang=\"es\">", "Bandeja de entrada", "Nueva, sin acuse de recibo", "Confirmar recibo",
                        "Gracias por su opinión");

        // Analysts read the inbox but do not answer participants.
        assertThat(page("/staff/i/" + initiativeId + "?lang=en", "analyst"))
                .contains("Only facilitators answer participants", "The crossing")
                .doesNotContain("/acknowledgement\"", "name=\"returnTo\"");
    }

    @Test
    void aFacilitatorAnswersWithOneFormPostEachAndComesBackToTheSamePage() {
        String initiativeId = loop.launchInitiative();
        String feedbackId = loop.submit(initiativeId, "The afternoon bus never comes").get("feedbackId").asText();
        loop.awaitInbox(initiativeId, "", 1);
        String back = "/staff/i/" + initiativeId + "?status=SUBMITTED&group=families";
        String base = "http://localhost:" + port;

        Api.Response blank = staffPost(feedbackId, "acknowledgement", form("message", "  ", "returnTo", back));
        assertThat(blank.status()).isEqualTo(303);
        assertThat(location(blank)).isEqualTo(base + back + "&error=message&item=" + feedbackId + "#item-" + feedbackId);

        Api.Response acknowledged = staffPost(feedbackId, "acknowledgement",
                form("message", "Thank you, we read it", "returnTo", back + "&error=message&item=" + feedbackId));
        assertThat(acknowledged.status()).isEqualTo(303);
        assertThat(location(acknowledged))
                .isEqualTo(base + back + "&done=acknowledged&item=" + feedbackId + "#item-" + feedbackId);
        loop.awaitInbox(initiativeId, "?status=ACKNOWLEDGED", 1);
        assertThat(page(back + "&done=acknowledged&item=" + feedbackId, "facilitator"))
                .contains("Acknowledged. The participant can see it on their page.", "role=\"status\"");

        Api.Response again = staffPost(feedbackId, "acknowledgement",
                form("message", "Thank you again", "returnTo", back));
        assertThat(location(again)).contains("error=");
        assertThat(page("/staff/i/" + initiativeId + "?error=state", "facilitator"))
                .contains("That did not work", "role=\"alert\"");
        assertThat(page("/staff/i/" + initiativeId + "?error=%3Cb%3E", "facilitator"))
                .contains("Something went wrong").doesNotContain("<b>");

        assertThat(location(staffPost(feedbackId, "understanding", form("summary", "", "returnTo", back))))
                .contains("error=summary");
        assertThat(location(staffPost(feedbackId, "understanding",
                form("summary", "The afternoon bus is late", "returnTo", back)))).contains("done=summarized");

        assertThat(location(staffPost(feedbackId, "themes", form("themes", " , ,", "returnTo", back))))
                .contains("error=themes");
        assertThat(location(staffPost(feedbackId, "themes", form("themes", "x".repeat(61), "returnTo", back))))
                .contains("error=themes");
        assertThat(location(staffPost(feedbackId, "themes",
                form("themes", "transport, safety,transport", "returnTo", back)))).contains("done=themed");

        JsonNode item = eventually()
                .until(() -> api.get("/api/initiatives/" + initiativeId + "/feedback", Api.as("facilitator")).json()
                        .get("items").get(0), entry -> entry.get("themes").size() == 2
                        && "UNDERSTANDING_SUMMARIZED".equals(entry.get("status").asText()));
        assertThat(item.get("themes").toString()).isEqualTo("[\"transport\",\"safety\"]");
        assertThat(page("/staff/i/" + initiativeId, "facilitator"))
                .contains("Summary sent, waiting for the participant", "The afternoon bus is late", "transport",
                        "safety");

        // A submission keeps at most 30 themes over all posts; beyond that the console says what to fix.
        String twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "theme " + i)
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(location(staffPost(feedbackId, "themes", form("themes", twenty, "returnTo", back))))
                .contains("done=themed");
        assertThat(location(staffPost(feedbackId, "themes",
                form("themes", twenty.replace("theme", "more"), "returnTo", back)))).contains("error=themes");

        // Analysts read; only facilitators answer.
        assertThat(api.postAs(FORM, "/staff/feedback/" + feedbackId + "/understanding",
                form("summary", "Mine", "returnTo", back), Api.headers(Api.as("analyst"), origin())).status())
                .isEqualTo(403);
        assertThat(api.postAs(FORM, "/staff/feedback/" + feedbackId + "/themes",
                form("themes", "mine", "returnTo", back), Api.headers(Api.as("leader"), origin())).status())
                .isEqualTo(403);
    }

    @Test
    void theFormsGoBackOnlyToConsolePagesAndOnlyFromThisSite() {
        String initiativeId = loop.launchInitiative();
        String feedbackId = loop.submit(initiativeId, "Lights on the path, please").get("feedbackId").asText();
        loop.awaitInbox(initiativeId, "", 1);

        for (String returnTo : List.of("", "https://elsewhere.example/staff/", "//elsewhere.example/staff/x",
                "/\\elsewhere.example", "/staff/../r/token", "/i/" + initiativeId, "/staffing", "staff/i/x",
                "/staff/i/x#top", "/staff/i/x\r\nSet-Cookie: a=b", "/staff/i/x?\"><script>")) {
            Api.Response refused = staffPost(feedbackId, "themes", form("themes", "lighting", "returnTo", returnTo));
            assertThat(refused.status()).as(returnTo).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(returnTo).isEmpty();
        }

        String back = "/staff/i/" + initiativeId;
        String[] facilitator = Api.as("facilitator");
        List<String[]> foreign = List.of(facilitator,
                Api.headers(facilitator, new String[] {"Origin", "https://elsewhere.example"}),
                Api.headers(facilitator, new String[] {"Origin", "null"}),
                Api.headers(facilitator, new String[] {"Origin", "http://localhost:" + (port + 1)}),
                Api.headers(facilitator, new String[] {"Referer", "https://elsewhere.example/staff/i/x"}));
        for (String[] headers : foreign) {
            assertThat(api.postAs(FORM, "/staff/feedback/" + feedbackId + "/themes",
                    form("themes", "lighting", "returnTo", back, "formToken", consoleToken(back)), headers).status())
                    .isEqualTo(403);
        }
        Api.Response byReferer = api.postAs(FORM, "/staff/feedback/" + feedbackId + "/themes",
                form("themes", "lighting", "returnTo", back, "formToken", consoleToken(back)), Api.headers(facilitator,
                        new String[] {"Referer", "http://localhost:" + port + back}));
        assertThat(byReferer.status()).isEqualTo(303);
        assertThat(location(byReferer)).startsWith("http://localhost:" + port + back + "?done=themed");
    }

    /** The way back echoes what the post names, so what could not fit in its headers is refused, naming it. */
    @Test
    void aReturnToOrAnIdTooLongForTheWayBackIsRefusedNamingIt() {
        String initiativeId = loop.launchInitiative();
        String feedbackId = loop.submit(initiativeId, "Lights on the path, please").get("feedbackId").asText();
        loop.awaitInbox(initiativeId, "", 1);
        String back = "/staff/i/" + initiativeId;
        lastToken = consoleToken(back);

        // one long address, and a short one repeated, which the binding joins with commas
        for (String body : List.of(form("themes", "lighting", "returnTo", back + "?status=" + "S".repeat(9_000)),
                form("themes", "lighting", "returnTo", back, "returnTo", back.repeat(300)))) {
            assertRefused(staffPost(feedbackId, "themes", body), "returnTo");
        }
        assertRefused(staffPost("f".repeat(5_000), "themes", form("themes", "lighting", "returnTo", back)),
                "feedbackId");
        assertThat(location(staffPost(feedbackId, "themes", form("themes", "lighting", "returnTo", back))))
                .contains("done=themed");
    }

    private static void assertRefused(Api.Response response, String field) {
        BadInputTest.assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    @Test
    void theCorrectedListShowsTheSummariesParticipantsSaidWereWrong() {
        String initiativeId = loop.launchInitiative();
        JsonNode corrected = loop.submit(initiativeId, "Buses skip our stop");
        String correctedId = corrected.get("feedbackId").asText();
        String confirmedId = loop.submit(initiativeId, "More crossing guards").get("feedbackId").asText();
        loop.submit(initiativeId, "Nobody answered me yet");
        for (String id : List.of(correctedId, confirmedId)) {
            assertThat(api.post("/api/feedback/" + id + "/acknowledgement", "{\"message\": \"Read it\"}",
                    Api.as("facilitator")).status()).isEqualTo(200);
            assertThat(api.post("/api/feedback/" + id + "/understanding", "{\"summary\": \"You want buses\"}",
                    Api.as("facilitator")).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/feedback/" + correctedId + "/understanding/response",
                "{\"confirmed\": false, \"correction\": \"No: the 7:40 bus skips the stop on Elm Street\"}",
                "X-Receipt-Token", corrected.get("receiptToken").asText()).status()).isEqualTo(200);
        loop.awaitInbox(initiativeId, "?status=CORRECTED", 1);

        String list = page("/staff/i/" + initiativeId + "/corrected", "facilitator");
        assertThat(list)
                .contains("Corrected summaries", "told us our summary missed what they meant", "1 submission")
                .contains("Buses skip our stop", "You want buses", "No: the 7:40 bus skips the stop on Elm Street",
                        "Their correction", "A new summary, with their correction in mind",
                        "action=\"/staff/feedback/" + correctedId + "/understanding\"",
                        "value=\"/staff/i/" + initiativeId + "/corrected\"")
                .doesNotContain("More crossing guards", "Nobody answered me yet", "<form method=\"get\"");
        assertThat(page("/staff/i/" + initiativeId + "/corrected?lang=es", "analyst"))
                .contains("Resúmenes corregidos", "Buses skip our stop").doesNotContain("name=\"summary\"");

        Api.Response resummarized = staffPost(correctedId, "understanding",
                form("summary", "The 7:40 bus skips Elm Street", "returnTo", "/staff/i/" + initiativeId + "/corrected"));
        assertThat(location(resummarized)).startsWith("http://localhost:" + port + "/staff/i/" + initiativeId
                + "/corrected?done=summarized");
        loop.awaitInbox(initiativeId, "?status=CORRECTED", 0);
        assertThat(page("/staff/i/" + initiativeId + "/corrected", "facilitator"))
                .contains("No participant has corrected a summary");
    }

    @Test
    void aLongInboxIsPagedAndEachPageKeepsTheFilters() {
        String initiativeId = loop.launchInitiative();
        for (int i = 1; i <= CONSOLE_PAGE_SIZE + 1; i++) {
            loop.submit(initiativeId, "Submission number " + i, Api.as("facilitator"));
        }
        loop.awaitInbox(initiativeId, "", CONSOLE_PAGE_SIZE + 1);

        String first = page("/staff/i/" + initiativeId + "?group=families", "facilitator");
        assertThat(first).contains("21 submissions", "Page 1 of 2", "Submission number 1<", "Submission number 20<")
                .doesNotContain("Submission number 21<", "rel=\"prev\"")
                .contains("rel=\"next\"\n           href=\"/staff/i/" + initiativeId + "?group=families&amp;page=1\"");
        String second = page("/staff/i/" + initiativeId + "?group=families&page=1", "facilitator");
        assertThat(second).contains("Page 2 of 2", "Submission number 21<",
                        "href=\"/staff/i/" + initiativeId + "?group=families&amp;page=0\"")
                .doesNotContain("Submission number 20<", "rel=\"next\"")
                .contains("name=\"returnTo\" value=\"/staff/i/" + initiativeId + "?group=families&amp;page=1\"");
    }

    private String page(String path, String user) {
        Api.Response response = api.get(path, Api.as(user));
        assertThat(response.status()).as(path + "\n" + response.body()).isEqualTo(200);
        return response.body();
    }

    /** A console page of one question, as a form's way back names it. */
    private static final Pattern CONSOLE_PAGE = Pattern.compile("/staff/i/([^/?#\\s\"]+)[^#\\s\"]*");

    /**
     * A facilitator's form post with a token fresh from the console page it goes back to, as a browser posts
     * the page it shows; when that page shows no form (its filter hides every submission), with a fresh one
     * from the question's inbox, since a token is good for one accepted post. A way back that is no console
     * page is refused before its token is looked at, and is sent with the last token a page gave.
     */
    private String lastToken;

    private Api.Response staffPost(String feedbackId, String what, String body) {
        String returnTo = Arrays.stream(body.split("&")).filter(field -> field.startsWith("returnTo="))
                .map(field -> URLDecoder.decode(field.substring("returnTo=".length()), StandardCharsets.UTF_8))
                .findFirst().orElse("");
        Matcher question = CONSOLE_PAGE.matcher(returnTo);
        if (question.matches()) {
            lastToken = tokenOf(returnTo).or(() -> tokenOf("/staff/i/" + question.group(1))).orElse(lastToken);
        }
        String signed = lastToken == null ? "" : "&" + form("formToken", lastToken);
        return api.postAs(FORM, "/staff/feedback/" + feedbackId + "/" + what, body + signed,
                Api.headers(Api.as("facilitator"), origin()));
    }

    private Optional<String> tokenOf(String page) {
        Api.Response response = api.get(page, Api.as("facilitator"));
        return response.status() == 200 ? FormPage.tokenIn(response.body()) : Optional.empty();
    }

    private String consoleToken(String page) {
        return FormPage.token(page(page, "facilitator"));
    }

    private String[] origin() {
        return new String[] {"Origin", "http://localhost:" + port};
    }

    private static String location(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }


    static String form(String... pairs) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", fields);
    }
}
