package heard.query.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import heard.events.Channel;
import heard.events.FeedbackStatus;
import java.time.Instant;
import java.util.List;

/**
 * A participant's feed: their words, where they stand, and every step the loop has taken. Once they
 * are forgotten ({@code forgottenAt}), their words are null.
 */
public record ReturnedLearning(
        String feedbackId,
        String initiativeId,
        String initiativeTitle,
        String text,
        Channel channel,
        String language,
        String stakeholderGroup,
        FeedbackStatus status,
        Instant submittedAt,
        Instant acknowledgeBy,
        List<String> themes,
        Instant forgottenAt,
        List<Step> timeline) {

    /**
     * One step; only the fields of its kind are present. A decision step names the decision, its
     * title and the version the feedback informed ({@code DECISION_INFORMED}) or made
     * ({@code DECISION_REVISED}, whose {@code text} is the revision's rationale).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(StepKind step, Instant at, String text, List<String> themes, String learningId,
            String learningTitle, String decisionId, String decisionTitle, Integer decisionVersion) {
    }

    /** The summary that awaits the participant's answer, if one does. */
    public String summaryAwaitingAnswer() {
        if (status != FeedbackStatus.UNDERSTANDING_SUMMARIZED) {
            return null;
        }
        return timeline.stream().filter(s -> s.step() == StepKind.UNDERSTANDING_SUMMARIZED)
                .reduce((first, second) -> second).map(Step::text).orElse(null);
    }
}
