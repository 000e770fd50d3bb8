package heard.query.initiative;

import heard.events.StakeholderGroup;
import java.time.Instant;
import java.util.List;

public record InitiativeSummary(
        String initiativeId,
        String title,
        String guidingQuestion,
        List<StakeholderGroup> stakeholderGroups,
        List<String> languages,
        int acknowledgeWithinHours,
        Instant launchedAt,
        String launchedBy,
        long feedbackCount,
        long learningCount) {

    static InitiativeSummary of(InitiativeView v) {
        return new InitiativeSummary(v.initiativeId(), v.title(), v.guidingQuestion(), v.stakeholderGroups(),
                v.languages(), v.acknowledgeWithinHours(), v.launchedAt(), v.launchedBy(), v.feedbackCount(), v.learningCount());
    }
}
