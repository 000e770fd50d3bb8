package heard.events;

import java.time.Instant;
import java.util.List;

public record InitiativeLaunched(
        String initiativeId,
        String title,
        String guidingQuestion,
        List<StakeholderGroup> stakeholderGroups,
        List<String> languages,
        int acknowledgeWithinHours,
        Instant at,
        String actor) implements InitiativeEvent {
}
