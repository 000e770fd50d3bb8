package heard.command.decision;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkEvidence(
        @TargetAggregateIdentifier String decisionId, List<String> feedbackIds, String note, Instant at, String actor) {
}
