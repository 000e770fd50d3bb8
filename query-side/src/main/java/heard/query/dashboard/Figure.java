package heard.query.dashboard;

import java.util.Map;

/**
 * The dashboard's counts of fixed names: the loop's steps and the decisions' tallies, each a row of
 * {@code dashboard_count} under its {@link Dimension}. Groups, channels, themes, engagement levels and
 * verdicts are counted under theirs by the names the events give them.
 */
enum Figure {
    SUBMITTED(Dimension.LOOP, "submitted"),
    ACKNOWLEDGED(Dimension.LOOP, "acknowledged"),
    CONFIRMED(Dimension.LOOP, "confirmed"),
    CORRECTED(Dimension.LOOP, "corrected"),
    CLOSED(Dimension.LOOP, "closed"),
    PROPOSED(Dimension.DECISION, "proposed"),
    REVISIONS(Dimension.DECISION, "revisions"),
    TRIGGERED_BY_FEEDBACK(Dimension.DECISION, "triggeredByFeedback"),
    REVIEWS_DUE(Dimension.DECISION, "reviewsDue");

    final Dimension dimension;
    /** The name its rows store, as lasting as the dimension's. */
    final String item;

    Figure(Dimension dimension, String item) {
        this.dimension = dimension;
        this.item = item;
    }

    /** This figure's count among counts read by dimension, 0 while none is kept. */
    long in(Map<String, Map<String, Long>> counts) {
        return dimension.in(counts).getOrDefault(item, 0L);
    }
}
