package heard.query.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heard.events.FollowUpChannel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Text messages through an HTTP gateway that speaks Twilio's Messages API: a form post of {@code To},
 * {@code From} and {@code Body} to {@code {base-url}/2010-04-01/Accounts/{account-sid}/Messages.json}, signed in
 * with the account SID and auth token. Ready once {@code heard.sms.account-sid}, {@code heard.sms.auth-token}
 * and {@code heard.sms.from} (the sending number) are set; {@code heard.sms.base-url} is Twilio's unless set
 * to another gateway that speaks the same API. With {@code heard.sms.status-callback-url} (the public address of
 * this side's {@code /api/sms/status}), each message asks the gateway to report its delivery there.
 */
@Component
class SmsChannel implements MessageChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The outbox's column for the gateway's id of a message. */
    static final int MAX_SID = 64;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String accountSid;
    private final String authToken;
    private final String from;
    private final String statusCallback;

    SmsChannel(@Value("${heard.sms.base-url:https://api.twilio.com}") String baseUrl,
            @Value("${heard.sms.account-sid:}") String accountSid,
            @Value("${heard.sms.auth-token:}") String authToken,
            @Value("${heard.sms.from:}") String from,
            @Value("${heard.sms.status-callback-url:}") String statusCallback) {
        this.statusCallback = statusCallback;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from;
    }

    @Override
    public FollowUpChannel channel() {
        return FollowUpChannel.SMS;
    }

    @Override
    public boolean ready() {
        return !accountSid.isBlank() && !authToken.isBlank() && !from.isBlank();
    }

    @Override
    public String send(String address, FollowUpMessage message) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", address);
        form.put("From", from);
        form.put("Body", message.text());
        if (!statusCallback.isBlank()) {
            form.put("StatusCallback", statusCallback);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/"
                        + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the gateway answered " + response.statusCode() + ": " + reason(response.body()));
        }
        try {
            JsonNode sent = JSON.readTree(response.body());
            // an id longer than any Twilio makes is not kept: delivery reports then find no row to move
            String sid = sent != null && sent.hasNonNull("sid") ? sent.get("sid").asText() : null;
            return sid != null && sid.length() <= MAX_SID ? sid : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The gateway's own words for a refusal ({@code message} in Twilio's error body), or its start. */
    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                return error.get("message").asText();
            }
        } catch (IOException notJson) {
            // told as it came
        }
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
    }
}
