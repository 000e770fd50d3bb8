package heard.command.feedback;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ThemeFeedback(@TargetAggregateIdentifier String feedbackId, List<String> themes, Instant at, String actor) {
}
