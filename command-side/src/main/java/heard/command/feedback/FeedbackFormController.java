package heard.command.feedback;

import heard.command.forms.SpentFormTokens;
import heard.command.ratelimit.SubmissionRateLimit;
import heard.command.ratelimit.TooManySubmissions;
import heard.command.refusals.NotFound;
import heard.command.refusals.ReceiptRejected;
import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.command.web.FormOrigin;
import heard.command.web.FormValidation;
import heard.command.web.ReceiptLinks;
import heard.events.Actors;
import heard.events.Channel;
import heard.events.ReceiptTokens;
import heard.forms.FormTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
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
 * The targets of the pages' forms, which work without JavaScript: each answers 303 See Other
 * to a page (the receipt page after a submission; the form again, with the problem, otherwise).
 * A post must carry the signed token its page rendered ({@link FormTokens}), so that another site
 * cannot post in a visitor's name, and must not come from another site's page ({@link FormOrigin});
 * otherwise nothing is recorded. A token is good for one accepted post ({@link SpentFormTokens}): sent
 * again, the form answers {@code error=sent} and records nothing more. These are the participant's forms:
 * credentials a browser sends along (a facilitator's, cached for this site) are not looked at, so a post
 * is recorded and limited as the participant's, and a page elsewhere cannot make it a member of staff's.
 */
@RestController
class FeedbackFormController {
    /** The feedback form's page keeps its Origin sent, so an opaque one is not its own. */
    private static final Set<FormOrigin.Source> FROM_FEEDBACK_PAGE = EnumSet.of(FormOrigin.Source.THIS_SITE,
            FormOrigin.Source.UNSTATED);
    /** The receipt page sends no referrer, which makes browsers post its forms with {@code Origin: null}. */
    private static final Set<FormOrigin.Source> FROM_RECEIPT_PAGE = EnumSet.of(FormOrigin.Source.THIS_SITE,
            FormOrigin.Source.OPAQUE, FormOrigin.Source.UNSTATED);

    private final Submissions submissions;
    private final CommandGateway commands;
    private final ReceiptLinks links;
    private final SubmissionRateLimit limit;
    private final FormTokens forms;
    private final FormOrigin origins;
    private final SpentFormTokens spent;
    private final FormValidation validation;

    FeedbackFormController(Submissions submissions, CommandGateway commands, ReceiptLinks links,
            SubmissionRateLimit limit, FormTokens forms, FormOrigin origins, SpentFormTokens spent,
            FormValidation validation) {
        this.submissions = submissions;
        this.commands = commands;
        this.links = links;
        this.limit = limit;
        this.forms = forms;
        this.origins = origins;
        this.spent = spent;
        this.validation = validation;
    }

    @PostMapping(path = "/i/{initiativeId}/feedback", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Void> submit(@PathVariable String initiativeId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String stakeholderGroup,
            @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "false") boolean followUpConsent,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String mobile,
            @RequestParam(defaultValue = "false") boolean followUpByEmail,
            @RequestParam(defaultValue = "false") boolean followUpBySms,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request) {
        String form = links.pages() + "/i/" + EchoedIds.checked("initiativeId", initiativeId);
        Optional<ResponseEntity<Void>> refused = refusal(formToken, FormTokens.feedbackForm(initiativeId), form, lang,
                request, FROM_FEEDBACK_PAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        FeedbackController.SubmitRequest posted = new FeedbackController.SubmitRequest(text, Channel.WEB, language,
                stakeholderGroup, contact, followUpConsent, email, mobile, followUpByEmail, followUpBySms);
        Optional<String> problem = validation.firstInvalidField(posted);
        if (problem.isPresent()) {
            return seeOther(form, "error", problem.get(), lang);
        }
        try {
            Submission submission = posted.toSubmission();
            return spent.once(formToken, () -> submissions.submit(initiativeId, submission, null, Actors.PARTICIPANT))
                    .map(receipt -> seeOther(links.receiptUrl(receipt.receiptToken()), "submitted", "true", lang))
                    .orElseGet(() -> seeOther(form, "error", "sent", lang));
        } catch (RuleViolation e) {
            return seeOther(form, "error", e.field(), lang);
        } catch (NotFound e) {
            return seeOther(links.pages() + "/", "error", "initiative", lang);
        }
    }

    @PostMapping(path = "/r/{receiptToken}/answer", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Void> answer(@PathVariable String receiptToken,
            @RequestParam String feedbackId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "") String correction,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request) {
        String page = links.receiptUrl(EchoedIds.checked("receiptToken", receiptToken));
        Optional<ResponseEntity<Void>> refused = refusal(formToken, FormTokens.answerForm(feedbackId), page, lang,
                request, FROM_RECEIPT_PAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> problem = validation.firstInvalidField(
                new FeedbackController.AnswerRequest(confirmed, correction));
        if (problem.isPresent()) {
            return seeOther(page, "error", problem.get(), lang);
        }
        try {
            return once(formToken, page, lang, () -> commands.sendAndWait(new AnswerSummary(feedbackId,
                    ReceiptTokens.hash(receiptToken), confirmed, correction, Instant.now())), "answered");
        } catch (RuleViolation e) {
            return seeOther(page, "error", e.field(), lang);
        } catch (StateConflict | ReceiptRejected | AggregateNotFoundException e) {
            // no such feedback answers as someone else's does: the page must not tell which ids exist
            return seeOther(page, "error", "answer", lang);
        }
    }

    /** The participant's own page asks to be forgotten; the box must be ticked, as there is no undoing it. */
    @PostMapping(path = "/r/{receiptToken}/forget", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Void> forget(@PathVariable String receiptToken,
            @RequestParam String feedbackId,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String formToken,
            HttpServletRequest request) {
        String page = links.receiptUrl(EchoedIds.checked("receiptToken", receiptToken));
        Optional<ResponseEntity<Void>> refused = refusal(formToken, FormTokens.answerForm(feedbackId), page, lang,
                request, FROM_RECEIPT_PAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!confirm) {
            return seeOther(page, "error", "forget", lang);
        }
        try {
            return once(formToken, page, lang, () -> commands.sendAndWait(new ForgetParticipant(feedbackId,
                    ReceiptTokens.hash(receiptToken), Instant.now(), Actors.PARTICIPANT)), "forgotten");
        } catch (ReceiptRejected | AggregateNotFoundException e) {
            return seeOther(page, "error", "other", lang);
        }
    }

    /**
     * Back to the page when the form's token, the site it came from or the sender's limit refuses the post;
     * empty to go on. Whoever is signed in, the post is limited as an anonymous participant's.
     */
    private Optional<ResponseEntity<Void>> refusal(String formToken, String purpose, String page, String lang,
            HttpServletRequest request, Set<FormOrigin.Source> acceptedSources) {
        if (!forms.accepts(formToken, purpose) || !acceptedSources.contains(origins.of(request))) {
            return Optional.of(seeOther(page, "error", "expired", lang));
        }
        try {
            limit.admit(request, null);
        } catch (TooManySubmissions e) {
            return Optional.of(seeOther(page, "error", "busy", lang));
        }
        return Optional.empty();
    }

    /** Back to the page with {@code done=true} once the command is taken, or {@code error=sent} if the form was. */
    private ResponseEntity<Void> once(String formToken, String page, String lang, Runnable command, String done) {
        return spent.once(formToken, () -> {
            command.run();
            return seeOther(page, done, "true", lang);
        }).orElseGet(() -> seeOther(page, "error", "sent", lang));
    }

    private static ResponseEntity<Void> seeOther(String url, String key, String value, String lang) {
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(url).queryParam(key, value);
        if (lang.matches("en|es")) {
            target.queryParam("lang", lang);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, target.build().encode().toUriString()).build();
    }
}
