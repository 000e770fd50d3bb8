package heard.command.decision;

import heard.events.Verdict;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssessOutcome(
        @TargetAggregateIdentifier String decisionId, Verdict verdict, String observed, String note, Instant at,
        String actor) {
}
