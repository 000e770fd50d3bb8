package heard.query.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What a row of {@code dashboard_count} counts by, by the name its rows store: renaming one would lose the
 * counts already kept under it, and the public snapshots that hold them.
 */
enum Dimension {
    GROUP("group"), CHANNEL("channel"), LOOP("loop"), THEME("theme"),
    ENGAGEMENT("engagement"), VERDICT("verdict"), DECISION("decision");

    /** Those that count people's feedback (see {@link Tallies}); the others count acts of staff. */
    static final List<Dimension> PEOPLE = List.of(GROUP, CHANNEL, LOOP, THEME);
    static final List<Dimension> STAFF = List.of(ENGAGEMENT, VERDICT, DECISION);

    final String stored;

    Dimension(String stored) {
        this.stored = stored;
    }

    /** This dimension's counts by item, among counts read by dimension. */
    Map<String, Long> in(Map<String, Map<String, Long>> counts) {
        return counts.getOrDefault(stored, Map.of());
    }
}
