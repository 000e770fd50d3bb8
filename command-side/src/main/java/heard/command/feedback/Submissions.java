package heard.command.feedback;

import heard.events.ReceiptTokens;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts a submission. With an {@code Idempotency-Key}, the key is remembered in the same
 * transaction as the feedback's first event, so a retry (or a race of two) answers the same receipt.
 * Submissions that arrive together may share a commit (see {@link GroupCommit}; off unless set).
 */
@Service
class Submissions {
    private final CommandGateway commands;
    private final SubmissionKeys keys;
    private final GroupCommit commits;

    Submissions(CommandGateway commands, SubmissionKeys keys, GroupCommit commits) {
        this.commands = commands;
        this.keys = keys;
        this.commits = commits;
    }

    Receipt submit(String initiativeId, Submission submission, String idempotencyKey, String actor) {
        if (idempotencyKey == null) {
            return commits.write(() -> accept(initiativeId, submission, null, actor));
        }
        try {
            return commits.write(() -> keys.find(initiativeId, idempotencyKey, submission)
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
