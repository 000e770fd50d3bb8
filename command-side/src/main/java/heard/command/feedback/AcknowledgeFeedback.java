package heard.command.feedback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcknowledgeFeedback(@TargetAggregateIdentifier String feedbackId, String message, Instant at, String actor) {
}
