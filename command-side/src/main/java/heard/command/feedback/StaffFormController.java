package heard.command.feedback;

import heard.command.forms.SpentFormTokens;
import heard.command.refusals.NotFound;
import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.command.web.FormOrigin;
import heard.command.web.FormValidation;
import heard.command.web.InvalidInput;
import heard.command.web.ReceiptLinks;
import heard.forms.FormTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The targets of the facilitator console's forms: acknowledge, summarize and theme one submission
 * with a plain form post, then go back (303) to the console page the facilitator came from, with a
 * notice. {@code returnTo} must be a console path ({@code /staff/...}), so the form cannot be used to
 * send a signed-in facilitator to another site. Because the browser sends the HTTP Basic credentials
 * with any request to this site, a post must also come from a page of this site (its {@code Origin},
 * or failing that its {@code Referer}), so that another site cannot make a facilitator's browser act,
 * and carry the signed token the console page rendered for this user ({@link FormTokens}), good for one
 * accepted post ({@link SpentFormTokens}).
 */
@RestController
class StaffFormController {
    /** A console path with an optional query: no scheme, no host, no backslashes, no {@code ..}, no fragment. */
    private static final Pattern RETURN_TO = Pattern.compile("/staff(/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)*/?"
            + "(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?");
    private static final String NOTICES = "done|error|item";
    /** The fields whose refusal the console explains in its own words; any other rule is told as one. */
    private static final String EXPLAINED = "message|summary|themes";
    /** Longer than any console address; short enough that the way back stays well inside the headers' 8 KiB. */
    private static final int MAX_RETURN_TO = 2_000;

    private final CommandGateway commands;
    private final ReceiptLinks links;
    private final FormOrigin origins;
    private final FormTokens forms;
    private final SpentFormTokens spent;
    private final FormValidation validation;

    StaffFormController(CommandGateway commands, ReceiptLinks links, FormOrigin origins, FormTokens forms,
            SpentFormTokens spent, FormValidation validation) {
        this.commands = commands;
        this.links = links;
        this.origins = origins;
        this.forms = forms;
        this.spent = spent;
        this.validation = validation;
    }

    @PostMapping(path = "/staff/feedback/{feedbackId}/acknowledgement", consumes = "application/x-www-form-urlencoded")
    @PreAuthorize("hasRole('FACILITATOR')")
    ResponseEntity<Void> acknowledge(@PathVariable String feedbackId,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "") String returnTo,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request, Principal principal) {
        return posted(request, principal, feedbackId, returnTo, formToken,
                new Change(new FeedbackController.AcknowledgeRequest(message), "message", "acknowledged",
                        () -> commands.sendAndWait(new AcknowledgeFeedback(feedbackId, message.strip(), Instant.now(),
                                principal.getName()))));
    }

    @PostMapping(path = "/staff/feedback/{feedbackId}/understanding", consumes = "application/x-www-form-urlencoded")
    @PreAuthorize("hasRole('FACILITATOR')")
    ResponseEntity<Void> summarize(@PathVariable String feedbackId,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String returnTo,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request, Principal principal) {
        return posted(request, principal, feedbackId, returnTo, formToken,
                new Change(new FeedbackController.SummaryRequest(summary), "summary", "summarized",
                        () -> commands.sendAndWait(new SummarizeUnderstanding(feedbackId, summary.strip(),
                                Instant.now(), principal.getName()))));
    }

    @PostMapping(path = "/staff/feedback/{feedbackId}/themes", consumes = "application/x-www-form-urlencoded")
    @PreAuthorize("hasRole('FACILITATOR')")
    ResponseEntity<Void> theme(@PathVariable String feedbackId,
            @RequestParam(defaultValue = "") String themes,
            @RequestParam(defaultValue = "") String returnTo,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request, Principal principal) {
        List<String> each = Arrays.stream(themes.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .distinct().toList();
        return posted(request, principal, feedbackId, returnTo, formToken,
                new Change(new FeedbackController.ThemesRequest(each), "themes", "themed",
                        () -> commands.sendAndWait(new ThemeFeedback(feedbackId, each, Instant.now(),
                                principal.getName()))));
    }

    /** What a console form asks: its fields, the field named when they are refused, the notice once done. */
    private record Change(Record form, String field, String done, Runnable command) {
    }

    /** A form from the console: from this site, signed for this staff member, valid, and sent once. */
    private ResponseEntity<Void> posted(HttpServletRequest request, Principal principal, String feedbackId,
            String returnTo, String formToken, Change change) {
        String back = checked(request, feedbackId, returnTo);
        if (!forms.accepts(formToken, FormTokens.staffForms(principal.getName()))) {
            return seeOther(back, feedbackId, "error", "expired");
        }
        if (validation.firstInvalidField(change.form()).isPresent()) {
            return seeOther(back, feedbackId, "error", change.field());
        }
        try {
            return spent.once(formToken, () -> {
                change.command().run();
                return seeOther(back, feedbackId, "done", change.done());
            }).orElseGet(() -> seeOther(back, feedbackId, "error", "sent"));
        } catch (RuleViolation e) {
            return seeOther(back, feedbackId, "error", e.field().matches(EXPLAINED) ? e.field() : "rule");
        } catch (StateConflict | ConcurrencyException e) {
            return seeOther(back, feedbackId, "error", "state");
        } catch (NotFound | AggregateNotFoundException e) {
            return seeOther(back, feedbackId, "error", "missing");
        }
    }

    /** The page to go back to, once the post is known to come from this site and to name a console page. */
    private String checked(HttpServletRequest request, String feedbackId, String returnTo) {
        if (origins.of(request) != FormOrigin.Source.THIS_SITE) {
            throw new AccessDeniedException("A console form must be sent from the console's own pages");
        }
        if (returnTo.length() > MAX_RETURN_TO) {
            throw new InvalidInput("returnTo", "use a console path of at most " + MAX_RETURN_TO + " characters");
        }
        if (!RETURN_TO.matcher(returnTo).matches() || returnTo.contains("..")) {
            throw new InvalidInput("returnTo", "use a console path that starts with /staff/");
        }
        EchoedIds.checked("feedbackId", feedbackId);
        return returnTo;
    }

    private ResponseEntity<Void> seeOther(String returnTo, String feedbackId, String key, String value) {
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(links.pages() + returnTo);
        for (String notice : NOTICES.split("\\|")) {
            target.replaceQueryParam(notice);
        }
        target.queryParam(key, value).queryParam("item", feedbackId).fragment("item-" + feedbackId);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, target.build().toUriString()).build();
    }
}
