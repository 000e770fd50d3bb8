package heard.command.feedback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SummarizeUnderstanding(
        @TargetAggregateIdentifier String feedbackId, String summary, Instant at, String actor) {
}
