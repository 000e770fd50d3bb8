package heard.command.feedback;

import heard.command.followup.ContactAddresses;
import heard.command.followup.FollowUpAddress;
import heard.events.ReceiptTokens;
import heard.wiring.TimeOrderedIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts a submission. With an {@code Idempotency-Key}, the key is remembered in the same
 * transaction as the feedback's first event, so a retry (or a race of two) answers the same receipt.
 * Submissions that arrive together may share a commit (see {@link GroupCommit}; off unless set).
 */
@Service
public class Submissions {
    private final CommandGateway commands;
    private final SubmissionKeys keys;
    private final GroupCommit commits;
    private final ContactAddresses addresses;

    Submissions(CommandGateway commands, SubmissionKeys keys, GroupCommit commits, ContactAddresses addresses) {
        this.commands = commands;
        this.keys = keys;
        this.commits = commits;
        this.addresses = addresses;
    }

    /** A follow-up address that cannot be one is refused ({@link heard.command.refusals.RuleViolation}) first. */
    public Receipt submit(String initiativeId, Submission submission, String idempotencyKey, String actor) {
        List<FollowUpAddress> followUps = addresses.chosen(submission.email(), submission.followUpByEmail(),
                submission.mobile(), submission.followUpBySms(), submission.contact(), submission.followUpConsent());
        if (idempotencyKey == null) {
            return commits.write(() -> accept(initiativeId, submission, followUps, null, actor));
        }
        try {
            return commits.write(() -> keys.find(initiativeId, idempotencyKey, submission)
                    .orElseGet(() -> accept(initiativeId, submission, followUps, idempotencyKey, actor)));
        } catch (DuplicateKeyException raceLost) {
            Optional<Receipt> winner = keys.find(initiativeId, idempotencyKey, submission);
            return winner.orElseThrow(() -> raceLost);
        }
    }

    private Receipt accept(String initiativeId, Submission s, List<FollowUpAddress> followUps, String idempotencyKey,
            String actor) {
        String feedbackId = TimeOrderedIds.next();
        String token = ReceiptTokens.newToken();
        if (idempotencyKey != null) {
            keys.remember(initiativeId, idempotencyKey, s, feedbackId, token);
        }
        commands.sendAndWait(new SubmitFeedback(feedbackId, initiativeId, s.text(), s.channel(), s.language(),
                s.stakeholderGroup(), s.contact(), s.followUpConsent(), ReceiptTokens.hash(token), Instant.now(),
                actor, followUps, followUps.isEmpty() ? null : token));
        return new Receipt(feedbackId, token, false);
    }
}
