package bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One HTTP/1.1 client for the whole run, and the few calls the phases make outside the load. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    /**
     * A GET as a demo staff user with a session, signed in on the first call for each app and again when the app
     * no longer knows the session (a new app on the same port): a call with HTTP Basic would cost the app a
     * BCrypt check, tens of ms of its CPU, every time, load of the harness's own making.
     */
    static HttpResponse<String> getAs(String user, String url) throws IOException, InterruptedException {
        return as(user, url, cookie -> HttpRequest.newBuilder(URI.create(url)).GET().header("Cookie", cookie));
    }

    /**
     * A POST of JSON as a demo staff user with a session, as the staff console sends it: a session's writes must
     * come from the site's own pages ({@code Origin}). Fails on an answer other than 2xx.
     */
    static JsonNode postAs(String user, String url, String body) throws IOException, InterruptedException {
        URI at = URI.create(url);
        HttpResponse<String> answer = as(user, url, cookie -> HttpRequest.newBuilder(at)
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .header("Origin", at.getScheme() + "://" + at.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return body(answer, "POST " + url);
    }

    private static HttpResponse<String> as(String user, String url, Function<String, HttpRequest.Builder> request)
            throws IOException, InterruptedException {
        String key = URI.create(url).getAuthority() + " " + user;
        for (int attempt = 0; ; attempt++) {
            String cookie = SESSIONS.get(key);
            if (cookie == null) {
                cookie = signIn(url, user, user + "-demo");
                SESSIONS.put(key, cookie);
            }
            HttpResponse<String> answer = CLIENT.send(request.apply(cookie).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 401 || attempt > 0) {
                return answer;
            }
            SESSIONS.remove(key);
        }
    }

    /**
     * Signs a staff user in through the sign-in page of the app that serves {@code anyUrl}, as the staff console
     * does, and gives the {@code Cookie} header that carries the session.
     */
    static String signIn(String anyUrl, String user, String password) throws InterruptedException {
        URI any = URI.create(anyUrl);
        String origin = any.getScheme() + "://" + any.getAuthority();
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/signin")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
        try {
            HttpResponse<Void> answer = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
            String session = answer.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> answer.statusCode() == 302 && !answer.headers().firstValue("Location")
                            .orElse("").contains("error"))
                    .map(cookie -> cookie.split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("signing in as " + user + " at " + origin
                            + " answered " + answer.statusCode() + " " + answer.headers().map()));
            return session;
        } catch (IOException e) {
            throw new IllegalStateException("signing in as " + user + " at " + origin + " failed", e);
        }
    }

    static JsonNode post(String url, String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return body(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()), "POST " + url);
    }

    private static JsonNode body(HttpResponse<String> answer, String call) throws IOException {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(call + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isBlank() ? null : JSON.readTree(answer.body());
    }

    static HttpResponse<String> get(String url, String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (header != null) {
            request.header(header, value);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
