package heard.command.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog port kept in memory, for aggregate tests that check rules spanning aggregates. */
public class InMemoryCatalog implements Catalog {
    private final Map<String, InitiativeFacts> initiatives = new HashMap<>();
    private final Map<String, String> initiativeOfFeedback = new HashMap<>();
    private final Map<String, String> initiativeOfIndicator = new HashMap<>();
    private final Map<String, String> initiativeOfDecision = new HashMap<>();

    public InMemoryCatalog withInitiative(String initiativeId, int acknowledgeWithinHours, String... groupCodes) {
        initiatives.put(initiativeId, new InitiativeFacts(Set.of(groupCodes), acknowledgeWithinHours));
        return this;
    }

    public InMemoryCatalog withFeedback(String feedbackId, String initiativeId) {
        initiativeOfFeedback.put(feedbackId, initiativeId);
        return this;
    }

    public InMemoryCatalog withIndicator(String indicatorId, String initiativeId) {
        initiativeOfIndicator.put(indicatorId, initiativeId);
        return this;
    }

    public InMemoryCatalog withDecision(String decisionId, String initiativeId) {
        initiativeOfDecision.put(decisionId, initiativeId);
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

    /** Only the forget endpoint looks a receipt up, and no aggregate: the aggregates' tests never ask. */
    @Override
    public Optional<String> feedbackOfReceipt(String receiptTokenHash) {
        return Optional.empty();
    }

    @Override
    public Optional<String> initiativeOfIndicator(String indicatorId) {
        return Optional.ofNullable(initiativeOfIndicator.get(indicatorId));
    }

    @Override
    public Optional<String> initiativeOfDecision(String decisionId) {
        return Optional.ofNullable(initiativeOfDecision.get(decisionId));
    }
}
