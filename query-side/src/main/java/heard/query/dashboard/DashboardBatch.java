package heard.query.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The events of one transaction, waiting to be folded into the dashboard's rows: each as the change it makes
 * to the fold, in order, and the keys of the stored rows the fold must read first (each read once per batch).
 */
final class DashboardBatch {
    final Set<String> feedbackIds = new LinkedHashSet<>();
    final Set<String> decisionIds = new LinkedHashSet<>();
    final Set<String> initiativeIds = new LinkedHashSet<>();
    final Set<String> indicatorIds = new LinkedHashSet<>();
    final Set<String> measurementIds = new LinkedHashSet<>();
    final List<Consumer<DashboardFold>> changes = new ArrayList<>();

    /** A change to the feedback's row, read first if stored. */
    void feedback(String feedbackId, Consumer<DashboardFold> change) {
        feedbackIds.add(feedbackId);
        changes.add(change);
    }

    void decision(String decisionId, Consumer<DashboardFold> change) {
        decisionIds.add(decisionId);
        changes.add(change);
    }

    void initiative(String initiativeId, Consumer<DashboardFold> change) {
        initiativeIds.add(initiativeId);
        changes.add(change);
    }

    void indicator(String indicatorId, Consumer<DashboardFold> change) {
        indicatorIds.add(indicatorId);
        changes.add(change);
    }

    void measurement(String measurementId, Consumer<DashboardFold> change) {
        measurementIds.add(measurementId);
        changes.add(change);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }
}
