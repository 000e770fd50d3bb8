package heard.command.sms;

import heard.command.feedback.Receipt;
import heard.command.feedback.Submission;
import heard.command.feedback.Submissions;
import heard.command.followup.ContactAddresses;
import heard.command.followup.ResumeFollowUp;
import heard.command.followup.StopFollowUp;
import heard.command.refusals.NotFound;
import heard.command.refusals.RuleViolation;
import heard.command.web.ReceiptLinks;
import heard.events.Actors;
import heard.events.Channel;
import heard.events.FollowUpChannel;
import heard.sms.TwilioSignature;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Text messages in, from an SMS gateway's webhook in Twilio's form format. Only a request signed with
 * {@code heard.sms.auth-token} ({@code X-Twilio-Signature}, over {@code heard.sms.webhook-url}, the address the
 * gateway posts to, or else this request's own) is read; any other is 403 and records nothing. STOP (or
 * UNSUBSCRIBE, CANCEL, END, QUIT, STOPALL) ends SMS follow-up of every feedback sent from that number, START (or
 * UNSTOP) resumes it, HELP answers in English and Spanish; any other text is feedback on channel SMS for the
 * initiative its route names ({@link SmsRoutes}), with the sender's number consented for SMS follow-up, and the
 * answer carries the receipt link. Answers are TwiML, which the gateway texts back.
 */
@RestController
class SmsInboundController {
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    private final String authToken;
    private final String webhookUrl;
    private final SmsRoutes routes;
    private final SmsNumbers numbers;
    private final Submissions submissions;
    private final ContactAddresses addresses;
    private final CommandGateway commands;
    private final ReceiptLinks links;

    SmsInboundController(@Value("${heard.sms.auth-token:}") String authToken,
            @Value("${heard.sms.webhook-url:}") String webhookUrl, SmsRoutes routes, SmsNumbers numbers,
            Submissions submissions, ContactAddresses addresses, CommandGateway commands, ReceiptLinks links) {
        this.authToken = authToken;
        this.webhookUrl = webhookUrl;
        this.routes = routes;
        this.numbers = numbers;
        this.submissions = submissions;
        this.addresses = addresses;
        this.commands = commands;
        this.links = links;
    }

    @Operation(summary = "A text message in, from the SMS gateway (Twilio webhook, signed): feedback, STOP, START or HELP")
    @PostMapping(path = "/api/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> inbound(HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> form = TwilioSignature.form(request);
        if (!TwilioSignature.matches(authToken, TwilioSignature.signedUrl(request, webhookUrl), form, signature)) {
            return problem(HttpStatus.FORBIDDEN, "This request is not signed by the SMS gateway");
        }
        String from = form.getOrDefault("From", "").strip();
        if (from.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "A text message names its sender in From");
        }
        String body = form.getOrDefault("Body", "");
        String keyword = body.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        String number = mobile(from);
        if (STOP.contains(keyword)) {
            numbers.feedbackOf(number).forEach(feedbackId -> commands.sendAndWait(
                    new StopFollowUp(feedbackId, null, FollowUpChannel.SMS, Instant.now(), Actors.PARTICIPANT)));
            return reply(SmsReplies.STOPPED);
        }
        if (START.contains(keyword)) {
            numbers.feedbackOf(number).forEach(feedbackId -> commands.sendAndWait(
                    new ResumeFollowUp(feedbackId, null, FollowUpChannel.SMS, Instant.now(), Actors.PARTICIPANT)));
            return reply(SmsReplies.STARTED);
        }
        if (HELP.contains(keyword) || body.isBlank()) {
            return reply(SmsReplies.HELP);
        }
        return routes.route(form.getOrDefault("To", ""), body)
                .map(routed -> reply(submit(routed, number, form.get("MessageSid"))))
                .orElseGet(() -> reply(SmsReplies.UNROUTED));
    }

    /** A gateway may post the same message twice: its id makes the second answer the first's receipt. */
    private String submit(SmsRoutes.Routed routed, String number, String messageSid) {
        boolean followUp = !number.isEmpty();
        String key = messageSid != null && messageSid.matches("[A-Za-z0-9]{22,64}") ? "sms-" + messageSid : null;
        try {
            Receipt receipt = submissions.submit(routed.route().initiative(), new Submission(routed.text(), Channel.SMS,
                    routed.route().language(), routed.route().group(), null, false, null,
                    followUp ? number : null, false, followUp), key, Actors.PARTICIPANT);
            return SmsReplies.received(routed.route().language(), links.receiptUrl(receipt.receiptToken()));
        } catch (RuleViolation | NotFound e) {
            return SmsReplies.REFUSED;
        }
    }

    /** The sender in E.164 when it is a mobile's number (then they are followed up by SMS), else empty. */
    private String mobile(String from) {
        try {
            return addresses.mobile("From", from);
        } catch (RuleViolation notAMobile) {
            return "";
        }
    }

    private static ResponseEntity<String> reply(String text) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Response><Message>" + HtmlUtils.htmlEscape(text, "UTF-8") + "</Message></Response>");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
