package heard.command.feedback;

import heard.events.ReceiptTokens;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a submission. With an {@code Idempotency-Key}, the key is remembered in the same
 * transaction as the feedback's first event, so a retry (or a race of two) answers the same receipt.
 */
@Service
class Submissions {
    private final CommandGateway commands;
    private final SubmissionKeys keys;
    private final TransactionTemplate transaction;

    Submissions(CommandGateway commands, SubmissionKeys keys, TransactionTemplate transaction) {
        this.commands = commands;
        this.keys = keys;
        this.transaction = transaction;
    }

    Receipt submit(String initiativeId, Submission submission, String idempotencyKey, String actor) {
        if (idempotencyKey == null) {
            return transaction.execute(status -> accept(initiativeId, submission, null, actor));
        }
        try {
            return transaction.execute(status -> keys.find(initiativeId, idempotencyKey, submission)
                    .orElseGet(() -> accept(initiativeId, submission, idempotencyKey, actor)));
        } catch (DuplicateKeyException raceLost) {
            Optional<Receipt> winner = keys.find(initiativeId, idempotencyKey, submission);
            return winner.orElseThrow(() -> raceLost);
        }
    }

    private Receipt accept(String initiativeId, Submission s, String idempotencyKey, String actor) {
        String feedbackId = UUID.randomUUID().toString();
        String token = ReceiptTokens.newToken();
        if (idempotencyKey != null) {
            keys.remember(initiativeId, idempotencyKey, s, feedbackId, token);
        }
        commands.sendAndWait(new SubmitFeedback(feedbackId, initiativeId, s.text(), s.channel(), s.language(),
                s.stakeholderGroup(), s.contact(), s.followUpConsent(), ReceiptTokens.hash(token), Instant.now(),
                actor));
        return new Receipt(feedbackId, token, false);
    }
}
