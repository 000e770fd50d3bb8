package heard.command.learning;

import java.time.Instant;
import java.util.List;

public record PublishLearning(
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
        String actor) {
}
