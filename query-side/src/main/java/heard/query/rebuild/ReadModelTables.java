package heard.query.rebuild;

import java.util.List;
import java.util.Map;

/**
 * The tables each projection writes, and nothing else writes. A rebuild fills copies of them beside
 * the live ones and then replaces the live rows with the copies' in one transaction. A table written
 * by a projection and missing here would be left as it was by a rebuild ({@code ReadModelTablesTest}
 * checks every table of the schema is either listed here or kept by the infrastructure).
 */
public final class ReadModelTables {
    /** Shared by every projection, one row per projection and aggregate: copied by processing group. */
    public static final String APPLIED = "applied_event";

    private static final Map<String, List<String>> OWNED = Map.of(
            "initiatives", List.of("initiative_view"),
            "inbox", List.of("inbox_item"),
            "decisions", List.of("decision_version", "decision_evidence", "decision_outcome", "decision_review_due",
                    "decision_feedback_theme"),
            "indicators", List.of("indicator_view", "indicator_measurement"),
            "learning-feed", List.of("published_learning"),
            "staff", List.of("staff_change", "staff_member"),
            "returned-learning", List.of("receipt_view", "receipt_step", "receipt_decision"),
            "dashboard", List.of("dashboard_initiative", "dashboard_group", "dashboard_count", "dashboard_feedback",
                    "dashboard_duration", "dashboard_pending", "dashboard_decision",
                    "dashboard_indicator", "dashboard_measurement"));

    private ReadModelTables() {
    }

    public static List<String> of(String projection) {
        List<String> tables = OWNED.get(projection);
        if (tables == null) {
            throw new IllegalArgumentException("No tables are known for the projection " + projection);
        }
        return tables;
    }

    static Map<String, List<String>> all() {
        return OWNED;
    }
}
