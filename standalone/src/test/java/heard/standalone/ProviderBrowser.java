package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import heard.provider.OpenIdProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser keeps between pages: its cookies, per site, and the pages it asks for as HTML. It signs in with
 * an organization's account at the OpenID provider the tests run ({@code heard.provider.OpenIdProvider}).
 */
final class ProviderBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String provider;

    ProviderBrowser(String provider) {
        this.provider = provider;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String contentType, String body) throws IOException,
            InterruptedException {
        URI to = URI.create(url);
        return http.send(HttpRequest.newBuilder(to).header("Content-Type", contentType)
                .header("Origin", to.getScheme() + "://" + to.getHost() + ":" + to.getPort())
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows the authorization request through the provider's own sign-in page, back to Heard's address. */
    String signInAtProvider(String authorize, String user, String password) throws Exception {
        String loginPage = location(get(authorize));
        assertThat(loginPage).isEqualTo(provider + "/login");
        Matcher csrf = CSRF.matcher(get(loginPage).body());
        assertThat(csrf.find()).isTrue();
        String next = location(post(loginPage, "application/x-www-form-urlencoded", FormPage.body(
                "username", user, "password", password, "_csrf", csrf.group(1))));
        for (int hops = 0; next.startsWith(provider) && hops < 5; hops++) {
            next = location(get(next));
        }
        return next;
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** Where a redirect sends the browser, as an absolute address. */
    static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isIn(302, 303);
        String to = response.headers().firstValue("Location").orElseThrow();
        return to.startsWith("/") ? response.uri().resolve(to).toString() : to;
    }

    /** An access token the provider gives the script {@code client} (client credentials). */
    static String accessToken(String provider, String client) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(provider + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":"
                        + OpenIdProvider.secretOf(client)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=heard")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode token = Api.JSON.readTree(answer.body());
        assertThat(token.has("access_token")).as(answer.body()).isTrue();
        return token.get("access_token").asText();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
