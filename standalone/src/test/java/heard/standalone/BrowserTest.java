package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real browser (headless Chromium, no network): a participant sends feedback and
 * gets the link to keep; a facilitator acknowledges a submission with one click. Skipped where
 * Chromium or its driver is not installed. The dashboard's charts are drawn and followed live, and
 * axe-core audits every page.
 */
@StandaloneTest
class BrowserTest {
    @LocalServerPort
    int port;

    private Api api;
    private Loop loop;
    private Chromium chromium;
    private ChromeDriver browser;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Chromium.installed(),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void open() throws IOException {
        chromium = Chromium.open();
        browser = chromium.driver();
    }

    @AfterEach
    void close() throws IOException {
        List<String> refused = List.of();
        if (chromium != null) {
            // the console, where the browser reports anything the Content-Security-Policy refused
            refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy")).toList();
            chromium.close();
        }
        assertThat(refused).as("what the page's Content-Security-Policy refused").isEmpty();
    }

    @Test
    void aParticipantSendsFeedbackAndGetsTheLinkToKeep() {
        String initiativeId = loop.launchInitiative();
        loop.awaitQuestionPage(initiativeId);

        browser.get(base() + "/i/" + initiativeId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Getting to school safely");
        browser.findElement(By.id("text")).sendKeys("The crossing by the bakery has no lights");
        browser.findElement(By.id("group-0")).click();
        browser.findElement(By.cssSelector("form.feedback-form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("submitted=true"));
        assertThat(browser.getCurrentUrl()).startsWith(base() + "/r/");
        WebElement keep = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.receipt-url")));
        assertThat(keep.getText()).startsWith(base() + "/r/");
        assertThat(browser.getCurrentUrl()).startsWith(keep.getText());
        // The receipt page is a projection: the timeline shows once it has caught up.
        String firstStep = eventually().pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    browser.navigate().refresh();
                    return browser.findElements(By.cssSelector("ol.steps li.step")).stream()
                            .map(WebElement::getText).findFirst().orElse("");
                }, text -> !text.isEmpty());
        assertThat(firstStep).contains("You sent your feedback.");

        // and, having changed their mind, erases what they said: the box must be ticked first
        String receiptPage = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("section.forget button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).as("the browser holds an unticked form back").isEqualTo(receiptPage);
        browser.findElement(By.id("forget-confirm")).click();
        browser.findElement(By.cssSelector("section.forget button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("forgotten=true"));
        String erased = eventually().pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    browser.navigate().refresh();
                    return browser.findElement(By.tagName("main")).getText();
                }, text -> text.contains("Your words and contact details have been erased."));
        assertThat(erased).contains("Erased at your request.").doesNotContain("bakery");
    }

    @Test
    void theDashboardDrawsItsChartsAndFollowsNewFeedbackWithoutAReload() {
        String initiativeId = loop.initiativeWithElevenVoices();

        browser.get(base() + "/i/" + initiativeId + "/dashboard");
        // the page swaps its tables in after each change: an element read during a swap is stale, so read it again
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(driver -> browser.findElement(By.cssSelector("main.dashboard")).getDomAttribute("data-updates")
                != null);
        for (String chart : new String[] {"chart-participation", "chart-loop", "chart-timing", "chart-engagement"}) {
            assertThat(browser.executeScript("var c = Chart.getChart(document.getElementById(arguments[0]));"
                    + " return c != null && c.canvas.width > 0 && c.data.datasets.length > 0;", chart))
                    .as(chart).isEqualTo(true);
        }
        assertThat(submittedOnTheChart()).isEqualTo(11L);
        // families: 5 of 11 voices against 60% of the community; school staff 6 of 11 against 10%
        assertThat(browser.executeScript("return Chart.getChart(document.getElementById('chart-participation'))"
                + ".data.labels.join('|')")).isEqualTo("Families ⚠ Under-represented|School staff");
        wait.until(driver -> browser.findElement(By.id("key-figures")).getText().contains("11"));
        browser.executeScript("window.notReloaded = true;");

        // the public figures move by five at least, never by one submission
        for (int i = 0; i < 5; i++) {
            loop.submitAsStaff(initiativeId);
        }

        wait.until(driver -> Long.valueOf(16).equals(submittedOnTheChart()));
        wait.until(driver -> browser.findElement(By.cssSelector("#key-figures dd")).getText().equals("16"));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("live-status")).getText()).startsWith("Live: updated at");
    }

    private Object submittedOnTheChart() {
        return browser.executeScript(
                "return Chart.getChart(document.getElementById('chart-loop')).data.datasets[0].data[0];");
    }


    @Test
    void aFacilitatorAcknowledgesASubmissionWithOneClick() {
        String initiativeId = loop.launchInitiative();
        String feedbackId = loop.submit(initiativeId, "The afternoon bus never comes").get("feedbackId").asText();
        loop.awaitInbox(initiativeId, "", 1);
        chromium.signIn("facilitator");

        browser.get(base() + "/staff");
        browser.findElement(By.cssSelector("a[href='/staff/i/" + initiativeId + "']")).click();
        By item = By.id("item-" + feedbackId);
        assertThat(browser.findElement(item).findElement(By.className("status")).getText())
                .isEqualTo("New, not yet acknowledged");
        assertThat(browser.findElement(By.id("ack-" + feedbackId)).getAttribute("value"))
                .startsWith("Thank you for your feedback.");

        browser.findElement(By.id("ack-button-" + feedbackId)).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("done=acknowledged"));
        assertThat(browser.findElement(By.id("notice")).getText())
                .contains("Acknowledged. The participant can see it on their page.");
        // The inbox is a projection: it shows the acknowledgement a moment later.
        eventually().pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.navigate().refresh();
            return browser.findElement(item).findElement(By.className("status")).getText();
        }, "Acknowledged"::equals);
        assertThat(browser.findElements(By.id("ack-" + feedbackId))).isEmpty();
    }

    @Test
    void aFacilitatorSignsInOnThePageWorksSignsOutAndCannotComeBackWithTheOldCookie() {
        String initiativeId = loop.launchInitiative();
        String feedbackId = loop.submit(initiativeId, "The lights at the crossing are out").get("feedbackId").asText();
        loop.awaitInbox(initiativeId, "", 1);

        browser.get(base() + "/staff/i/" + initiativeId);
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/signin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        browser.findElement(By.id("username")).sendKeys("facilitator");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("form.signin-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("error"));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("That name and password do not open");

        browser.findElement(By.id("username")).sendKeys("facilitator");
        browser.findElement(By.id("password")).sendKeys("facilitator-demo");
        browser.findElement(By.cssSelector("form.signin-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.urlToBe(base() + "/staff/i/" + initiativeId));
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("heard-session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.executeScript("return document.cookie")).asString().doesNotContain("heard-session");

        browser.findElement(By.id("ack-button-" + feedbackId)).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("done=acknowledged"));
        assertThat(browser.findElement(By.cssSelector(".signed-in-as")).getText())
                .isEqualTo("Signed in as facilitator");

        browser.findElement(By.cssSelector("form.signout button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("signedout"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("You are signed out.");
        assertThat(browser.manage().getCookieNamed("heard-session")).isNull();

        browser.manage().addCookie(session);
        browser.get(base() + "/staff/i/" + initiativeId);
        assertThat(browser.getCurrentUrl()).as("the old cookie opens nothing").isEqualTo(base() + "/signin");
        assertThat(browser.findElements(By.id("ack-button-" + feedbackId))).isEmpty();
        eventually().until(() -> api.get("/api/initiatives/" + initiativeId
                + "/feedback", Api.as("facilitator")).json().at("/items/0/acknowledgedBy").asText(), "facilitator"::equals);
    }

    @Test
    void theApiDocumentationStillRendersUnderThePolicy() {
        browser.get(base() + "/swagger-ui.html");
        WebElement title = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        assertThat(title.getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock"))).isNotEmpty();
    }

    /**
     * Every public and staff page, in each language, audited by axe-core against WCAG 2.1 A and AA as
     * the browser has drawn it (the dashboard with its charts): any violation fails, named with where it is.
     */
    @Test
    void everyPublicAndStaffPageMeetsWcag21AA() {
        DecisionStory story = new DecisionStory(api, "Earlier afternoon buses");
        String id = story.initiativeId;
        List<String> publicPages = List.of("/", "/i/" + id, "/i/" + id + "?error=sent", "/i/" + id + "/learnings",
                "/i/" + id + "/dashboard",
                "/decisions/" + story.decisionId, "/r/" + story.evidenceToken, "/r/" + "P".repeat(22) + "?submitted=true",
                "/r/" + "M".repeat(22));
        List<String> facilitatorPages = List.of("/staff", "/staff/i/" + id, "/staff/i/" + id + "/corrected");
        eventually().pollInterval(Duration.ofMillis(300)).until(() ->
                api.get("/decisions/" + story.decisionId).status() == 200
                        && api.get("/r/" + story.evidenceToken).body().contains(story.decisionId));

        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            publicPages.forEach(page -> violations.addAll(audit(page, language)));
        }
        chromium.signIn("facilitator");
        for (String language : List.of("en", "es")) {
            facilitatorPages.forEach(page -> violations.addAll(audit(page, language)));
        }
        chromium.signIn("admin");
        for (String language : List.of("en", "es")) {
            violations.addAll(audit("/staff/projections", language));
            violations.addAll(audit("/staff/outbox", language));
        }
        assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
    }

    private List<String> audit(String page, String language) {
        browser.get(base() + page + (page.contains("?") ? "&" : "?") + "lang=" + language);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as(page).isEqualTo(language);
        if (page.endsWith("/dashboard")) {
            new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> browser.findElement(By.cssSelector("main.dashboard"))
                            .getDomAttribute("data-updates") != null);
        }
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(results.getErrorMessage()).as(page).isNull();
        return results.getViolations().stream()
                .map(rule -> page + " (" + language + "): " + rule.getId() + ", " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
