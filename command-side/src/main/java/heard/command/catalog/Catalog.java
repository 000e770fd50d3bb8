package heard.command.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What exists, for rules that span aggregates (a feedback's group must be one of its
 * initiative's; a learning or a decision may name only its initiative's feedback). Kept by
 * {@link CatalogUpdater} in the same transaction as the events it follows.
 */
public interface Catalog {
    Optional<InitiativeFacts> initiative(String initiativeId);

    Optional<String> initiativeOfFeedback(String feedbackId);

    Optional<String> initiativeOfIndicator(String indicatorId);

    Optional<String> initiativeOfDecision(String decisionId);

    /** The feedback sent with this receipt (by the SHA-256 of its token). */
    Optional<String> feedbackOfReceipt(String receiptTokenHash);

    /** Of these feedback ids, those that are not feedback of this initiative (unknown ones included). */
    default List<String> feedbackOutside(String initiativeId, Collection<String> feedbackIds) {
        return outside(initiativeId, feedbackIds, this::initiativeOfFeedback);
    }

    default List<String> indicatorsOutside(String initiativeId, Collection<String> indicatorIds) {
        return outside(initiativeId, indicatorIds, this::initiativeOfIndicator);
    }

    default List<String> decisionsOutside(String initiativeId, Collection<String> decisionIds) {
        return outside(initiativeId, decisionIds, this::initiativeOfDecision);
    }

    private static List<String> outside(String initiativeId, Collection<String> ids,
            Function<String, Optional<String>> initiativeOf) {
        return ids.stream().filter(id -> !initiativeOf.apply(id).map(initiativeId::equals).orElse(false))
                .distinct().toList();
    }
}
