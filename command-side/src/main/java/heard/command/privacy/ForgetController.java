package heard.command.privacy;

import heard.command.catalog.Catalog;
import heard.command.feedback.ForgetParticipant;
import heard.command.ratelimit.SubmissionRateLimit;
import heard.command.web.MissingReceiptToken;
import heard.events.Actors;
import heard.events.ReceiptTokens;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forgetting a participant (crypto-shredding, docs/security.md): their key is deleted, so their words and
 * contact can no longer be read anywhere they were stored or published. What they said still counts.
 */
@RestController
class ForgetController {
    private final CommandGateway commands;
    private final Catalog catalog;
    private final SubmissionRateLimit limit;

    ForgetController(CommandGateway commands, Catalog catalog, SubmissionRateLimit limit) {
        this.commands = commands;
        this.catalog = catalog;
        this.limit = limit;
    }

    @Operation(summary = "Forget me: make the participant's words and contact unreadable everywhere")
    @PostMapping("/api/receipts/forget")
    Map<String, Object> forgetMe(@RequestHeader(name = "X-Receipt-Token", required = false) String receiptToken,
            HttpServletRequest http, Principal principal) {
        limit.admit(http, principal);
        if (!ReceiptTokens.isWellFormed(receiptToken)) {
            throw new MissingReceiptToken();
        }
        String hash = ReceiptTokens.hash(receiptToken);
        String feedbackId = catalog.feedbackOfReceipt(hash).orElseThrow(MissingReceiptToken::new);
        return forget(new ForgetParticipant(feedbackId, hash, Instant.now(), Actors.PARTICIPANT));
    }

    @Operation(summary = "Forget a participant on their behalf, as an administrator")
    @PostMapping("/api/admin/participants/{feedbackId}/forget")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> forget(@PathVariable String feedbackId, Principal principal) {
        return forget(new ForgetParticipant(feedbackId, null, Instant.now(), principal.getName()));
    }

    private Map<String, Object> forget(ForgetParticipant command) {
        commands.sendAndWait(command);
        return Map.of("feedbackId", command.feedbackId(), "forgotten", true);
    }
}
