package heard.command.feedback;

import heard.command.ratelimit.SubmissionRateLimit;
import heard.command.refusals.ReceiptRejected;
import heard.command.web.Actor;
import heard.command.web.InvalidInput;
import heard.command.web.MissingReceiptToken;
import heard.command.web.ReceiptLinks;
import heard.events.Channel;
import heard.events.ReceiptTokens;
import heard.limits.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The loop of one submission, from the participant's voice to the facilitator's answers. */
@RestController
class FeedbackController {
    record SubmitRequest(
            @NotBlank @Size(max = InputLimits.FEEDBACK_TEXT) String text,
            @NotNull Channel channel,
            @NotBlank @Size(max = InputLimits.LANGUAGE_TAG, message = InputLimits.LANGUAGE_TAG_TOO_LONG)
            @Pattern(regexp = InputLimits.LANGUAGE_TAG_PATTERN, message = InputLimits.LANGUAGE_TAG_MESSAGE)
            String language,
            @NotBlank @Size(max = InputLimits.GROUP_CODE) String stakeholderGroup,
            @Size(max = InputLimits.CONTACT) String contact,
            Boolean followUpConsent,
            @Size(max = InputLimits.EMAIL) String email,
            @Size(max = InputLimits.MOBILE) String mobile,
            Boolean followUpByEmail,
            Boolean followUpBySms) {
        Submission toSubmission() {
            return new Submission(text, channel, language, stakeholderGroup, given(contact),
                    Boolean.TRUE.equals(followUpConsent), given(email), given(mobile),
                    Boolean.TRUE.equals(followUpByEmail), Boolean.TRUE.equals(followUpBySms));
        }

        private static String given(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record AcknowledgeRequest(@NotBlank @Size(max = InputLimits.ACKNOWLEDGEMENT) String message) {
    }

    record SummaryRequest(@NotBlank @Size(max = InputLimits.SUMMARY) String summary) {
    }

    record AnswerRequest(@NotNull Boolean confirmed, @Size(max = InputLimits.CORRECTION) String correction) {
    }

    record ThemesRequest(@NotEmpty @Size(max = InputLimits.THEMES_PER_POST)
            List<@NotBlank @Size(max = InputLimits.THEME)
                    @Pattern(regexp = InputLimits.ONE_LINE, message = "must be one line") String> themes) {
    }

    private final Submissions submissions;
    private final CommandGateway commands;
    private final ReceiptLinks links;
    private final SubmissionRateLimit limit;

    FeedbackController(Submissions submissions, CommandGateway commands, ReceiptLinks links,
            SubmissionRateLimit limit) {
        this.submissions = submissions;
        this.commands = commands;
        this.links = links;
        this.limit = limit;
    }

    @Operation(summary = "Send feedback, with no account: answers the receipt token, shown once")
    @ApiResponse(responseCode = "429", description = "Too many submissions from one address; try again later",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/initiatives/{initiativeId}/feedback")
    ResponseEntity<Map<String, String>> submit(@PathVariable String initiativeId,
            @Valid @RequestBody SubmitRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http, Principal principal) {
        limit.admit(http, principal);
        if (idempotencyKey != null && !SubmissionKeys.isUnguessable(idempotencyKey)) {
            throw new InvalidInput("Idempotency-Key", SubmissionKeys.FORMAT);
        }
        Receipt receipt = submissions.submit(initiativeId, request.toSubmission(), idempotencyKey,
                Actor.of(principal));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/feedback/" + receipt.feedbackId()))
                .header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
                .body(Map.of("feedbackId", receipt.feedbackId(),
                        "receiptToken", receipt.receiptToken(),
                        "receiptUrl", links.receiptUrl(receipt.receiptToken())));
    }

    @Operation(summary = "Acknowledge a feedback: the participant sees it on their receipt")
    @ApiResponse(responseCode = "409", description = "The loop is closed already",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/feedback/{feedbackId}/acknowledgement")
    @PreAuthorize("hasRole('FACILITATOR')")
    Map<String, String> acknowledge(@PathVariable String feedbackId, @Valid @RequestBody AcknowledgeRequest request,
            Principal principal) {
        commands.sendAndWait(new AcknowledgeFeedback(feedbackId, request.message(), Instant.now(), principal.getName()));
        return Map.of("feedbackId", feedbackId);
    }

    @Operation(summary = "Say what was understood: a summary the participant may confirm or correct")
    @ApiResponse(responseCode = "409", description = "The loop is closed already",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/feedback/{feedbackId}/understanding")
    @PreAuthorize("hasRole('FACILITATOR')")
    Map<String, String> summarize(@PathVariable String feedbackId, @Valid @RequestBody SummaryRequest request,
            Principal principal) {
        commands.sendAndWait(new SummarizeUnderstanding(feedbackId, request.summary(), Instant.now(),
                principal.getName()));
        return Map.of("feedbackId", feedbackId);
    }

    @Operation(summary = "Confirm or correct the summary, as the participant holding the receipt token")
    @ApiResponse(responseCode = "403", description = "The receipt token is not this feedback's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "No summary waits for an answer",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/feedback/{feedbackId}/understanding/response")
    Map<String, String> answer(@PathVariable String feedbackId, @Valid @RequestBody AnswerRequest request,
            @RequestHeader(name = "X-Receipt-Token", required = false) String receiptToken,
            HttpServletRequest http, Principal principal) {
        limit.admit(http, principal);
        if (receiptToken == null || receiptToken.isBlank()) {
            throw new MissingReceiptToken();
        }
        try {
            commands.sendAndWait(new AnswerSummary(feedbackId, ReceiptTokens.hash(receiptToken), request.confirmed(),
                    request.correction(), Instant.now()));
        } catch (AggregateNotFoundException e) {
            // as for someone else's feedback: a receipt token must not tell which feedback ids exist
            throw new ReceiptRejected();
        }
        return Map.of("feedbackId", feedbackId);
    }

    @Operation(summary = "Theme a feedback")
    @PostMapping("/api/feedback/{feedbackId}/themes")
    @PreAuthorize("hasAnyRole('FACILITATOR', 'ANALYST')")
    Map<String, String> theme(@PathVariable String feedbackId, @Valid @RequestBody ThemesRequest request,
            Principal principal) {
        commands.sendAndWait(new ThemeFeedback(feedbackId, request.themes(), Instant.now(), principal.getName()));
        return Map.of("feedbackId", feedbackId);
    }
}
