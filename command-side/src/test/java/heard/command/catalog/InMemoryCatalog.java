package heard.command.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog port kept in memory, for aggregate tests that check rules spanning aggregates. */
public class InMemoryCatalog implements Catalog {
    private final Map<String, InitiativeFacts> initiatives = new HashMap<>();
    private final Map<String, String> initiativeOfFeedback = new HashMap<>();

    public InMemoryCatalog withInitiative(String initiativeId, int acknowledgeWithinHours, String... groupCodes) {
        initiatives.put(initiativeId, new InitiativeFacts(Set.of(groupCodes), acknowledgeWithinHours));
        return this;
    }

    public InMemoryCatalog withFeedback(String feedbackId, String initiativeId) {
        initiativeOfFeedback.put(feedbackId, initiativeId);
        return this;
    }

    @Override
    public Optional<InitiativeFacts> initiative(String initiativeId) {
        return Optional.ofNullable(initiatives.get(initiativeId));
    }

    @Override
    public Optional<String> initiativeOfFeedback(String feedbackId) {
        return Optional.ofNullable(initiativeOfFeedback.get(feedbackId));
    }
}
