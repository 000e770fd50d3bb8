package heard.query.learnings;

import java.time.Instant;
import java.util.List;

/** One "you said, we did" entry of the public feed; it counts the voices it answers, naming none. */
public record LearningEntry(
        String learningId,
        String initiativeId,
        String title,
        String whatWeHeard,
        String whatWeDecided,
        String whatWeLearned,
        String whatsNext,
        List<String> decisionIds,
        int feedbackCount,
        Instant publishedAt,
        String publishedBy) {
}
