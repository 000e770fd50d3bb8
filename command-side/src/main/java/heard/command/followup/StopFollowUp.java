package heard.command.followup;

import heard.events.FollowUpChannel;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The participant, proven by their receipt, stops follow-up on one channel, or on all ({@code channel} null). */
public record StopFollowUp(@TargetAggregateIdentifier String feedbackId, String receiptTokenHash,
        FollowUpChannel channel, Instant at, String actor) {
}
