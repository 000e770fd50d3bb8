package heard.query.dashboard;

import heard.query.dashboard.DashboardView.Suppressed;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression: a count under the threshold, and every figure derived from it, is
 * shown as suppressed unless the reader may see exact figures. Within a breakdown whose cells
 * add up to a shown total, a lone suppressed cell takes the next smallest with it, so that it
 * cannot be recovered by subtraction.
 */
final class Cells {
    private final int minCell;
    private final boolean exact;

    Cells(int minCell, boolean exact) {
        this.minCell = minCell;
        this.exact = exact;
    }

    boolean small(long count) {
        return !exact && count < minCell;
    }

    Object count(long count) {
        return small(count) ? Suppressed.CELL : count;
    }

    /** A figure derived from counts: suppressed if any of them is. */
    Object derived(Object value, boolean suppressed) {
        return suppressed || value == null ? (suppressed ? Suppressed.CELL : null) : value;
    }

    /** The cells of a breakdown to suppress, complementary cells included. */
    Set<String> suppressed(Map<String, Long> breakdown) {
        Set<String> hidden = new HashSet<>();
        if (exact) {
            return hidden;
        }
        breakdown.forEach((key, count) -> {
            if (count < minCell) {
                hidden.add(key);
            }
        });
        if (hidden.size() == 1) {
            breakdown.entrySet().stream().filter(cell -> !hidden.contains(cell.getKey()))
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.naturalOrder())))
                    .ifPresent(cell -> hidden.add(cell.getKey()));
        }
        return hidden;
    }
}
