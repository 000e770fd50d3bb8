package heard.command.feedback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseLoop(@TargetAggregateIdentifier String feedbackId, String learningId, Instant at, String actor) {
}
