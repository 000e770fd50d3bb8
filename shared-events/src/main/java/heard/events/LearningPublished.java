package heard.events;

import java.time.Instant;
import java.util.List;

/** "You said, we did": what was heard, decided and learned, and what happens next. */
public record LearningPublished(
        String learningId,
        String initiativeId,
        String title,
        String whatWeHeard,
        String whatWeDecided,
        String whatWeLearned,
        String whatsNext,
        List<String> decisionIds,
        List<String> feedbackIds,
        Instant at,
        String actor) implements InitiativeEvent {
}
