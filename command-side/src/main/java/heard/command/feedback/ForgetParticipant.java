package heard.command.feedback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forget the participant who sent this feedback. From the participant, {@code receiptTokenHash}
 * proves it is theirs; from an ADMIN it is null.
 */
public record ForgetParticipant(
        @TargetAggregateIdentifier String feedbackId, String receiptTokenHash, Instant at, String actor) {
}
