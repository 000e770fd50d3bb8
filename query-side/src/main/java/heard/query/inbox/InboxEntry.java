package heard.query.inbox;

import heard.events.Channel;
import heard.events.FeedbackStatus;
import java.time.Instant;
import java.util.List;

/**
 * {@code overdue}: neither acknowledged nor answered by a learning, and past the acknowledgement target.
 * {@code forgottenAt}: the participant was forgotten, and their words and contact are null.
 * {@code acknowledgedBy}, {@code summarizedBy} (the latest summary) and {@code themedBy} (everyone who
 * added themes, in order) name the staff users who did it.
 */
public record InboxEntry(
        String feedbackId,
        String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        String contact,
        String submittedBy,
        FeedbackStatus status,
        Instant submittedAt,
        Instant acknowledgeBy,
        Instant acknowledgedAt,
        boolean overdue,
        String summary,
        String correction,
        List<String> themes,
        Instant loopClosedAt,
        Instant forgottenAt,
        String acknowledgedBy,
        String summarizedBy,
        List<String> themedBy) {
}
