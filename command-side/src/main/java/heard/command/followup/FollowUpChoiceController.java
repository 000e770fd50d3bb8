package heard.command.followup;

import heard.command.catalog.Catalog;
import heard.command.ratelimit.SubmissionRateLimit;
import heard.command.refusals.NotFound;
import heard.command.refusals.ReceiptRejected;
import heard.command.web.FormOrigin;
import heard.command.web.InvalidInput;
import heard.command.web.ReceiptLinks;
import heard.events.Actors;
import heard.events.FollowUpChannel;
import heard.events.ReceiptTokens;
import heard.forms.FormTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Stops follow-up, from the link every message carries, and resumes it from the receipt page. A mail client's
 * one-click unsubscribe (RFC 8058: a post of {@code List-Unsubscribe=One-Click} to the link in
 * {@code List-Unsubscribe}) is answered 200 and needs nothing more than the link, which only the participant
 * holds; the receipt page's forms carry its signed token, as its other forms do, and go back to the page (303). {@code channel} (EMAIL or SMS) stops one
 * channel; without it, every one. Resuming names its channel, and only a channel the participant stopped
 * resumes: one who was forgotten is never written to again.
 */
@RestController
class FollowUpChoiceController {
    private static final Set<FormOrigin.Source> FROM_RECEIPT_PAGE = Set.of(FormOrigin.Source.THIS_SITE,
            FormOrigin.Source.OPAQUE, FormOrigin.Source.UNSTATED);

    private final CommandGateway commands;
    private final Catalog catalog;
    private final ReceiptLinks links;
    private final FormTokens forms;
    private final FormOrigin origins;
    private final SubmissionRateLimit limit;

    FollowUpChoiceController(CommandGateway commands, Catalog catalog, ReceiptLinks links, FormTokens forms,
            FormOrigin origins, SubmissionRateLimit limit) {
        this.commands = commands;
        this.catalog = catalog;
        this.links = links;
        this.forms = forms;
        this.origins = origins;
        this.limit = limit;
    }

    @PostMapping(path = "/r/{receiptToken}/follow-up/stop", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<?> stop(@PathVariable String receiptToken,
            @RequestParam(required = false) String channel,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
            @RequestParam(defaultValue = "") String formToken,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request) {
        limit.admit(request, null);
        FollowUpChannel stopped = channel(channel, "use EMAIL or SMS, or leave it out to stop both");
        String feedbackId = feedbackOf(receiptToken);
        boolean fromMailClient = "One-Click".equals(oneClick);
        if (!fromMailClient && !fromReceiptPage(feedbackId, formToken, request)) {
            return back(receiptToken, "error", "expired", lang);
        }
        send(new StopFollowUp(feedbackId, ReceiptTokens.hash(receiptToken), stopped, Instant.now(),
                Actors.PARTICIPANT));
        return fromMailClient ? ResponseEntity.ok(Map.of("stopped", stopped == null ? "ALL" : stopped.name()))
                : back(receiptToken, "followUp", "stopped", lang);
    }

    @PostMapping(path = "/r/{receiptToken}/follow-up/resume", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<?> resume(@PathVariable String receiptToken,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "") String formToken,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request) {
        limit.admit(request, null);
        FollowUpChannel resumed = channel(channel, "name the channel to resume: EMAIL or SMS");
        if (resumed == null) {
            throw new InvalidInput("channel", "name the channel to resume: EMAIL or SMS");
        }
        String feedbackId = feedbackOf(receiptToken);
        if (!fromReceiptPage(feedbackId, formToken, request)) {
            return back(receiptToken, "error", "expired", lang);
        }
        send(new ResumeFollowUp(feedbackId, ReceiptTokens.hash(receiptToken), resumed, Instant.now(),
                Actors.PARTICIPANT));
        return back(receiptToken, "followUp", "resumed", lang);
    }

    private String feedbackOf(String receiptToken) {
        if (!ReceiptTokens.isWellFormed(receiptToken)) {
            throw new NotFound("receipt", "of this link");
        }
        return catalog.feedbackOfReceipt(ReceiptTokens.hash(receiptToken))
                .orElseThrow(() -> new NotFound("receipt", "of this link"));
    }

    private boolean fromReceiptPage(String feedbackId, String formToken, HttpServletRequest request) {
        return forms.accepts(formToken, FormTokens.answerForm(feedbackId))
                && FROM_RECEIPT_PAGE.contains(origins.of(request));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (ReceiptRejected | AggregateNotFoundException e) {
            throw new NotFound("receipt", "of this link");
        }
    }

    private static FollowUpChannel channel(String given, String hint) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        try {
            return FollowUpChannel.valueOf(given);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("channel", hint);
        }
    }

    private ResponseEntity<Void> back(String receiptToken, String key, String value, String lang) {
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(links.receiptUrl(receiptToken))
                .queryParam(key, value);
        if (lang.matches("en|es")) {
            target.queryParam("lang", lang);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, target.build().encode().toUriString()).build();
    }
}
