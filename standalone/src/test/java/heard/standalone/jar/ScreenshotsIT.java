package heard.standalone.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import heard.standalone.Api;
import heard.standalone.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screenshots in docs/: the demo family's receipt page on a phone, and the sample initiative's
 * dashboard as an analyst reads it after a few more days of feedback. Run by docs/screenshots.sh
 * (with {@code -Dheard.screenshots=true}), not by every build, since it rewrites files in docs/.
 */
@EnabledIfSystemProperty(named = "heard.screenshots", matches = "true")
class ScreenshotsIT {
    private static final Path DOCS = Path.of("../docs/images");
    private static final String INITIATIVE = "5a3c1e0e-0000-4000-8000-000000000001";
    private static final String[][] VOICES = {
            {"families", "SMS", "es", "La parada no tiene techo y los niños esperan bajo la lluvia."},
            {"families", "WEB", "en", "The afternoon bus was 25 minutes late again today."},
            {"families", "PAPER", "en", "My daughter crosses Main Street alone after practice."},
            {"students", "WEB", "en", "The bike rack is full by 8 am."},
            {"students", "WEB", "en", "We wait at the stop with no light in winter."},
            {"students", "SMS", "es", "El autobús pasa lleno y no para."},
            {"students", "WEB", "en", "The crossing guard leaves before the late bus comes."},
            {"staff", "WEB", "en", "The gate opens too late for the early bus."},
            {"staff", "MEETING", "en", "Pickup traffic blocks the bus lane."},
            {"staff", "WEB", "en", "Parents ask us about route changes we do not know of."},
            {"staff", "WEB", "en", "The afternoon route leaves before the last class ends."},
            {"neighbours", "PAPER", "en", "Cars park on the sidewalk at pickup time."},
            {"neighbours", "MEETING", "es", "Hace falta un paso de peatones en la calle Elm."},
            {"neighbours", "WEB", "en", "Buses idle on our street for twenty minutes."},
            {"neighbours", "PAPER", "en", "Children cut through the park with no path lights."},
            {"families", "SMS", "es", "Necesitamos saber cuándo cambian las rutas."},
    };

    @Test
    void theReceiptPageAndTheDashboard() throws Exception {
        assumeTrue(Chromium.installed(), "needs /usr/bin/chromium and /usr/bin/chromedriver");
        Files.createDirectories(DOCS);
        try (RunningJar app = RunningJar.start("screenshots", "--heard.rate-limit.submissions.capacity=1000");
             Chromium chromium = Chromium.open()) {
            Api api = app.api();
            for (String[] voice : VOICES) {
                Api.Response sent = api.post("/api/initiatives/" + INITIATIVE + "/feedback", """
                        {"stakeholderGroup": "%s", "channel": "%s", "language": "%s", "text": "%s"}"""
                        .formatted((Object[]) voice));
                assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            }
            ChromeDriver browser = chromium.driver();

            browser.get(app.base() + "/r/DemoFamilyReceipt00001");
            save(browser, "receipt.png");

            chromium.signIn("analyst");
            browser.manage().window().setSize(new Dimension(1100, 900));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
                browser.get(app.base() + "/i/" + INITIATIVE + "/dashboard?lang=en");
                return browser.findElement(By.cssSelector("#key-figures dd")).getText().equals("20");
            });
            new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> browser.findElement(By.cssSelector("main.dashboard"))
                            .getDomAttribute("data-updates") != null);
            Thread.sleep(1500); // the charts' entrance animation
            save(browser, "dashboard.png");
        }
    }

    /** The whole page, not just the window: the window is made as tall as the page first. */
    private static void save(ChromeDriver browser, String name) throws Exception {
        int width = browser.manage().window().getSize().getWidth();
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, Math.min(height.intValue() + 140, 6000)));
        Thread.sleep(300);
        Files.write(DOCS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        System.out.println("Wrote " + DOCS.resolve(name).toAbsolutePath().normalize());
    }
}
