package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Light on a phone's data plan: the pages link their stylesheet and scripts under addresses that
 * change with their content, so a browser keeps them for a year without asking again; text is sent
 * compressed; pages and JSON that may be private are never stored. Prints what a first and a repeat
 * visit to the feedback page and the dashboard cost on the wire.
 */
@StandaloneTest
class CacheAndCompressionTest {
    private static final Pattern STATIC = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js))\"");
    private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.(css|js)");

    @LocalServerPort
    int port;
    Loop loop;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void staticFilesAreKeptForAYearPagesAndJsonNeverAndTextIsCompressed() throws Exception {
        String initiativeId = loop.initiativeWithElevenVoices();
        String receiptToken = loop.submit(initiativeId, "The crossing has no lights").get("receiptToken").asText();

        long feedbackFirst = 0;
        long feedbackRepeat = 0;
        for (String page : List.of("/i/" + initiativeId, "/i/" + initiativeId + "/dashboard")) {
            HttpResponse<byte[]> html = get(page);
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Encoding")).as(page).hasValue("gzip");
            assertThat(html.headers().firstValue("Cache-Control").orElseThrow()).as(page).contains("no-store");
            List<String> assets = assets(text(html));
            assertThat(assets).as(page).isNotEmpty().allMatch(asset -> HASHED.matcher(asset).matches());

            long first = html.body().length;
            for (String asset : assets) {
                HttpResponse<byte[]> file = get(asset);
                assertThat(file.statusCode()).as(asset).isEqualTo(200);
                assertThat(file.headers().firstValue("Cache-Control")).as(asset)
                        .hasValue("max-age=31536000, public, immutable");
                assertThat(file.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
                assertThat(file.headers().allValues("Vary")).as(asset).anyMatch(vary -> vary.toLowerCase(java.util.Locale.ROOT).contains("accept-encoding"));
                first += file.body().length;
            }
            System.out.printf("%s: first visit %d bytes (page %d + %s), repeat visit %d bytes%n", page, first,
                    html.body().length, assets, html.body().length);
            if (feedbackFirst == 0) {
                feedbackFirst = first;
                feedbackRepeat = html.body().length;
            }
        }
        assertThat(feedbackRepeat).isLessThan(feedbackFirst / 2);

        HttpResponse<byte[]> receipt = eventually()
                .until(() -> get("/r/" + receiptToken), response -> response.statusCode() == 200);
        assertThat(receipt.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<byte[]> json = get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(json.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void aStaticFileUnderAnOldOrForgedHashIsNotFound() throws Exception {
        String css = assets(text(get("/"))).get(0);
        assertThat(get(css.replaceAll("-[0-9a-f]{32}\\.", "-0123456789abcdef0123456789abcdef.")).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").header("Accept", "text/html,application/json,*/*");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> assets(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = STATIC.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String text(HttpResponse<byte[]> response) throws IOException {
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isEmpty()) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
