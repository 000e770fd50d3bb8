package heard.command.followup;

import heard.events.FollowUpChannel;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The participant, texting from the number they gave, asks to be told again on a channel they stopped. */
public record ResumeFollowUp(@TargetAggregateIdentifier String feedbackId, FollowUpChannel channel, Instant at,
        String actor) {
}
