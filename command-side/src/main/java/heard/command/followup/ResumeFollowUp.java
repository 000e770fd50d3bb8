package heard.command.followup;

import heard.events.FollowUpChannel;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The participant asks to be told again on a channel they stopped: proven by their receipt (from their receipt
 * page), or with {@code receiptTokenHash} null when known by the number they gave (a START texted from it).
 */
public record ResumeFollowUp(@TargetAggregateIdentifier String feedbackId, String receiptTokenHash,
        FollowUpChannel channel, Instant at, String actor) {
}
