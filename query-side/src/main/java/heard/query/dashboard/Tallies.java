package heard.query.dashboard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a dashboard counts of people and of what became of their feedback: counts by group, channel,
 * loop step and theme, the hours each piece took to be acknowledged and closed, and how many wait past
 * their promise. Decisions and indicators are acts of staff, and are not among them.
 */
record Tallies(Map<String, Map<String, Long>> counts, List<Duration> durations, long overdue) {
    record Duration(String kind, String group, double hours) {
    }

    /**
     * Whether the counts behind the figures moved since {@code before}, and every one of them, small and
     * hidden ones included, by nothing or by at least {@code minCell}: then no figure drawn from them, a
     * share or a rate or a percentile, can have moved by one submission alone.
     */
    boolean stepAwayFrom(Tallies before, int minCell) {
        Map<String, Long> now = cells();
        Map<String, Long> then = before.cells();
        Set<String> all = new HashSet<>(now.keySet());
        all.addAll(then.keySet());
        List<Long> moves = all.stream().map(cell -> Math.abs(now.getOrDefault(cell, 0L) - then.getOrDefault(cell, 0L)))
                .filter(moved -> moved > 0).toList();
        return !moves.isEmpty() && moves.stream().allMatch(moved -> moved >= minCell);
    }

    private Map<String, Long> cells() {
        Map<String, Long> cells = new HashMap<>();
        counts.forEach((dimension, items) -> items.forEach((item, count) -> cells.put(dimension + ":" + item, count)));
        durations.forEach(duration -> {
            cells.merge("hours:" + duration.kind(), 1L, Long::sum);
            cells.merge("hours:" + duration.kind() + ":" + duration.group(), 1L, Long::sum);
        });
        cells.put("overdue", overdue);
        return cells;
    }
}
