package heard.command.catalog;

import java.util.Optional;

/**
 * What exists, for rules that span aggregates (a feedback's group must be one of its
 * initiative's; a learning may name only its initiative's feedback). Kept by
 * {@link CatalogUpdater} in the same transaction as the events it follows.
 */
public interface Catalog {
    Optional<InitiativeFacts> initiative(String initiativeId);

    Optional<String> initiativeOfFeedback(String feedbackId);
}
