package heard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for the running app, as an outside caller sees it. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Api(int port) {
        this("localhost", port);
    }

    /** From another loopback address (127.0.0.2, …): the app sees another client. */
    public Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    public String base() {
        return base;
    }

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    /** The Authorization header of a demo staff user. */
    public static String[] as(String user) {
        String credentials = user + ":" + user + "-demo";
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))};
    }

    public static String[] headers(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    /**
     * Signs in on the sign-in page as a browser does (the form, from this site's own page), and answers
     * the session cookie as a Cookie header, or null when the sign-in was refused.
     */
    public String[] signIn(String user, String password) {
        Response signedIn = postAs("application/x-www-form-urlencoded", "/signin",
                FormPage.body("username", user, "password", password), "Origin", base);
        if (signedIn.status() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            return null;
        }
        return new String[] {"Cookie", sessionCookie(signedIn)};
    }

    /** The demo staff user's session, signed in on the page. */
    public String[] signedIn(String user) {
        String[] cookie = signIn(user, user + "-demo");
        if (cookie == null) {
            throw new AssertionError(user + " could not sign in");
        }
        return cookie;
    }

    /** name=value of the session cookie a response set. */
    static String sessionCookie(Response response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("heard-session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    public Response post(String path, String jsonBody, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)), "application/json", headers);
    }

    public Response postAs(String contentType, String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)), contentType, headers);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null, headers);
    }

    private Response send(HttpRequest.Builder request, String contentType, String... headers) {
        // a request the app never answers fails the test that sent it, instead of holding the whole run
        request.timeout(TIMEOUT);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
