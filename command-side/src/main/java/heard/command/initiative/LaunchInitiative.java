package heard.command.initiative;

import heard.events.StakeholderGroup;
import java.time.Instant;
import java.util.List;

public record LaunchInitiative(
        String initiativeId,
        String title,
        String guidingQuestion,
        List<StakeholderGroup> stakeholderGroups,
        List<String> languages,
        int acknowledgeWithinHours,
        Instant at,
        String actor) {
}
