package heard.command.feedback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The participant confirms the summary, or corrects it (then {@code correction} says how). */
public record AnswerSummary(
        @TargetAggregateIdentifier String feedbackId,
        String receiptTokenHash,
        boolean confirmed,
        String correction,
        Instant at) {
}
