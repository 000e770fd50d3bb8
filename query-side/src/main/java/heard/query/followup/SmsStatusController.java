package heard.query.followup;

import heard.sms.TwilioSignature;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's delivery reports (Twilio's status callback): {@code delivered} marks the message's rows
 * DELIVERED, {@code undelivered} or {@code failed} UNDELIVERED with the gateway's error code; other statuses
 * (queued, sent) change nothing. Only a report signed with {@code heard.sms.auth-token} over
 * {@code heard.sms.status-callback-url} (or this request's own URL) is read; any other is 403.
 */
@RestController
class SmsStatusController {
    private static final Set<String> UNDELIVERED = Set.of("undelivered", "failed");

    private final Outbox outbox;
    private final String authToken;
    private final String callbackUrl;

    SmsStatusController(Outbox outbox, @Value("${heard.sms.auth-token:}") String authToken,
            @Value("${heard.sms.status-callback-url:}") String callbackUrl) {
        this.outbox = outbox;
        this.authToken = authToken;
        this.callbackUrl = callbackUrl;
    }

    @Operation(summary = "The SMS gateway reports a message delivered or not (Twilio status callback, signed)")
    @PostMapping(path = "/api/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> status(HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = TwilioSignature.form(request);
        if (!TwilioSignature.matches(authToken, TwilioSignature.signedUrl(request, callbackUrl), form, signature)) {
            return problem(HttpStatus.FORBIDDEN, "This report is not signed by the SMS gateway");
        }
        String sid = form.getOrDefault("MessageSid", "");
        String status = form.getOrDefault("MessageStatus", "");
        if (sid.isBlank() || sid.length() > 64 || status.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "A delivery report names MessageSid and MessageStatus");
        }
        int updated = "delivered".equals(status) ? outbox.reported(sid, OutboxStatus.DELIVERED, null)
                : UNDELIVERED.contains(status) ? outbox.reported(sid, OutboxStatus.UNDELIVERED, "the gateway reports "
                        + status + " (error " + form.getOrDefault("ErrorCode", "none").replaceAll("[^0-9A-Za-z]", "")
                        + ")") : 0;
        return ResponseEntity.ok(Map.of("updated", updated));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
