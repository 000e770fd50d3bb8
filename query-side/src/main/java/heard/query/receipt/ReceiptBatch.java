package heard.query.receipt;

import heard.events.LearningPublished;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The events of one transaction, waiting to be folded into the feed's rows: each as the change it makes to
 * the fold, in order, and the keys of the stored rows the fold must read first (each read once per batch).
 */
final class ReceiptBatch {
    final Set<String> feedbackIds = new LinkedHashSet<>();
    /** Steps of learnings and decisions, looked for in any case. */
    final Set<String> stepIds = new LinkedHashSet<>();
    final Set<String> decisionIds = new LinkedHashSet<>();
    final List<Consumer<ReceiptFold>> changes = new ArrayList<>();

    /**
     * Per feedback, the steps its events after the submission name. Each is looked for only when the feedback
     * has no stored receipt: a stored receipt's mark tells whether the event, and so its step, was applied.
     */
    final Map<String, Set<String>> feedbackStepIds = new LinkedHashMap<>();

    /** A submission: it makes the receipt and its first step together, so neither is stored without the other. */
    void submission(String feedbackId, Consumer<ReceiptFold> change) {
        feedbackIds.add(feedbackId);
        changes.add(change);
    }

    /** A change made by a later event of the feedback: to its receipt, and the step the event's number names. */
    void feedback(String feedbackId, long sequence, Consumer<ReceiptFold> change) {
        feedbackIds.add(feedbackId);
        feedbackStepIds.computeIfAbsent(feedbackId, id -> new LinkedHashSet<>())
                .add(ReceiptFold.stepId(feedbackId, sequence));
        changes.add(change);
    }

    void learning(LearningPublished e) {
        e.feedbackIds().forEach(feedbackId -> stepIds.add(ReceiptFold.learningStepId(e.learningId(), feedbackId)));
        changes.add(fold -> fold.learningPublished(e));
    }

    /** A change made by an event of the decision: its title, and a step for each feedback it names. */
    void decision(String decisionId, long sequence, List<String> feedbackIds, Consumer<ReceiptFold> change) {
        decisionIds.add(decisionId);
        if (feedbackIds != null) {
            feedbackIds.forEach(feedbackId -> stepIds.add(ReceiptFold.decisionStepId(decisionId, sequence, feedbackId)));
        }
        changes.add(change);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }
}
