package heard.query.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The events of one transaction, waiting to be folded into the inbox's rows: each as the change it makes to the
 * fold, in order, and the feedback whose stored rows the fold must read first (all in one read per batch).
 */
final class InboxBatch {
    final Set<String> feedbackIds = new LinkedHashSet<>();
    final List<Consumer<InboxFold>> changes = new ArrayList<>();

    void change(String feedbackId, Consumer<InboxFold> change) {
        feedbackIds.add(feedbackId);
        changes.add(change);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }
}
