package heard.query.dashboard;

import heard.events.EngagementLevel;
import heard.events.Verdict;
import heard.query.dashboard.DashboardView.ChannelShare;
import heard.query.dashboard.DashboardView.Decisions;
import heard.query.dashboard.DashboardView.GroupShare;
import heard.query.dashboard.DashboardView.GroupTiming;
import heard.query.dashboard.DashboardView.Indicator;
import heard.query.dashboard.DashboardView.Loop;
import heard.query.dashboard.DashboardView.Participation;
import heard.query.dashboard.DashboardView.Point;
import heard.query.dashboard.DashboardView.Series;
import heard.query.dashboard.DashboardView.ThemeCount;
import heard.query.dashboard.DashboardView.Timing;
import heard.query.dashboard.Tallies.Duration;
import heard.query.web.NotFound;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a dashboard from the stored per-initiative figures: a few indexed queries whose size is
 * bounded by the initiative's groups, channels, themes, durations and indicator values, never a
 * scan of its feedback. Overdue is counted at read time from the feedback still awaiting
 * acknowledgement, against each one's acknowledge-by instant.
 */
@Component
public class DashboardReader {
    static final double UNDER_REPRESENTED = 0.8;
    private final JdbcTemplate db;
    private final int minCell;

    DashboardReader(JdbcTemplate db, @Value("${heard.privacy.min-cell:5}") int minCell) {
        if (minCell < 1) {
            throw new IllegalArgumentException("heard.privacy.min-cell must be at least 1, not " + minCell);
        }
        this.db = db;
        this.minCell = minCell;
    }

    public int minCell() {
        return minCell;
    }

    /** Whether the initiative has a dashboard yet. */
    public boolean exists(String initiativeId) {
        Long found = db.queryForObject("select count(*) from dashboard_initiative where initiative_id = ?", Long.class,
                initiativeId);
        return found != null && found > 0;
    }

    private record Group(String code, String name, double populationShare) {
    }

    @Transactional(readOnly = true)
    public DashboardView dashboard(String initiativeId, Instant now, boolean exact) {
        return dashboard(initiativeId, tallies(initiativeId, now), exact);
    }

    /** The initiative's counts of people and their feedback as they stand; see {@link Tallies}. */
    @Transactional(readOnly = true)
    Tallies tallies(String initiativeId, Instant now) {
        Map<String, Map<String, Long>> counts = counts(initiativeId, Dimension.PEOPLE);
        List<Duration> durations = db.query("select kind, stakeholder_group, hours from dashboard_duration"
                + " where initiative_id = ?", (row, n) -> new Duration(row.getString(1), row.getString(2),
                        row.getDouble(3)), initiativeId);
        Long overdue = db.queryForObject("select count(*) from dashboard_pending where initiative_id = ?"
                + " and acknowledge_by < ?", Long.class, initiativeId, Timestamp.from(now));
        return new Tallies(counts, durations, overdue == null ? 0 : overdue);
    }

    /** The dashboard drawn from the given tallies, and from the initiative's groups, decisions and indicators as they stand. */
    @Transactional(readOnly = true)
    DashboardView dashboard(String initiativeId, Tallies people, boolean exact) {
        List<String> titles = db.queryForList("select title from dashboard_initiative where initiative_id = ?",
                String.class, initiativeId);
        if (titles.isEmpty()) {
            throw new NotFound("initiative", initiativeId);
        }
        Cells cells = new Cells(minCell, exact);
        Map<String, Map<String, Long>> counts = new HashMap<>(people.counts());
        counts.putAll(counts(initiativeId, Dimension.STAFF));
        List<Group> groups = db.query("select group_code, name, population_share from dashboard_group"
                + " where initiative_id = ? order by position", (row, n) -> new Group(row.getString(1),
                        row.getString(2), row.getDouble(3)), initiativeId);
        List<Duration> durations = people.durations();
        long overdue = people.overdue();

        long submitted = Figure.SUBMITTED.in(counts);
        long closed = Figure.CLOSED.in(counts);
        return new DashboardView(initiativeId, titles.get(0), minCell, exact,
                participation(cells, submitted, groups, Dimension.GROUP.in(counts), Dimension.CHANNEL.in(counts)),
                new Loop(cells.count(submitted), cells.count(Figure.ACKNOWLEDGED.in(counts)),
                        cells.count(Figure.CONFIRMED.in(counts)),
                        cells.count(Figure.CORRECTED.in(counts)), cells.count(closed),
                        cells.derived(submitted == 0 ? null : round(closed / (double) submitted, 4),
                                cells.small(submitted) || cells.small(closed)),
                        timing(cells, hours(durations, DashboardProjection.ACKNOWLEDGE, null, false), false),
                        timing(cells, hours(durations, DashboardProjection.CLOSE, null, false), false),
                        timings(cells, groups, durations), cells.count(overdue)),
                decisions(counts), indicators(initiativeId), themes(cells, Dimension.THEME.in(counts)));
    }

    /** The counts of the given dimensions, by the dimension's and the item's stored names. */
    private Map<String, Map<String, Long>> counts(String initiativeId, List<Dimension> dimensions) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        List<Object> arguments = new ArrayList<>(dimensions.stream().map(dimension -> dimension.stored).toList());
        arguments.add(0, initiativeId);
        db.query("select dimension, item, amount from dashboard_count where initiative_id = ? and dimension in ("
                + String.join(", ", Collections.nCopies(dimensions.size(), "?")) + ")", row -> {
                    counts.computeIfAbsent(row.getString(1), d -> new TreeMap<>()).put(row.getString(2), row.getLong(3));
                }, arguments.toArray());
        return counts;
    }

    private static Participation participation(Cells cells, long total, List<Group> groups, Map<String, Long> byGroup,
            Map<String, Long> byChannel) {
        Map<String, Long> groupCounts = new LinkedHashMap<>();
        groups.forEach(group -> groupCounts.put(group.code(), byGroup.getOrDefault(group.code(), 0L)));
        byGroup.forEach((code, count) -> {
            if (count > 0) {
                groupCounts.putIfAbsent(code, count);
            }
        });
        Set<String> hiddenGroups = cells.suppressed(groupCounts);
        Map<String, Group> known = groups.stream().collect(Collectors.toMap(Group::code, g -> g));
        List<GroupShare> groupShares = new ArrayList<>();
        groupCounts.forEach((code, count) -> {
            boolean hidden = hiddenGroups.contains(code) || cells.small(total);
            Group group = known.get(code);
            Double share = total == 0 ? null : count / (double) total;
            Double index = share == null || group == null || group.populationShare() <= 0 ? null
                    : share / group.populationShare();
            groupShares.add(new GroupShare(code.isEmpty() ? null : code, group == null ? null : group.name(),
                    group == null ? null : group.populationShare(),
                    hidden ? DashboardView.Suppressed.CELL : count,
                    cells.derived(share == null ? null : round(share, 4), hidden),
                    cells.derived(index == null ? null : round(index, 4), hidden),
                    cells.derived(index == null ? null : index < UNDER_REPRESENTED, hidden)));
        });
        Map<String, Long> channelCounts = new TreeMap<>(byChannel);
        channelCounts.values().removeIf(count -> count <= 0);
        Set<String> hiddenChannels = cells.suppressed(channelCounts);
        List<ChannelShare> channels = new ArrayList<>();
        channelCounts.forEach((channel, count) -> {
            boolean hidden = hiddenChannels.contains(channel) || cells.small(total);
            channels.add(new ChannelShare(channel, hidden ? DashboardView.Suppressed.CELL : count,
                    cells.derived(total == 0 ? null : round(count / (double) total, 4), hidden)));
        });
        return new Participation(cells.count(total), groupShares, channels);
    }

    private static List<Double> hours(List<Duration> durations, String kind, String group, boolean byGroup) {
        return durations.stream().filter(d -> d.kind().equals(kind))
                .filter(d -> !byGroup || Objects.equals(d.group(), group))
                .map(Duration::hours).sorted().toList();
    }

    private static Timing timing(Cells cells, List<Double> sorted, boolean hidden) {
        boolean small = hidden || cells.small(sorted.size());
        return new Timing(small ? DashboardView.Suppressed.CELL : (long) sorted.size(),
                cells.derived(percentile(sorted, 50), small), cells.derived(percentile(sorted, 90), small));
    }

    private static List<GroupTiming> timings(Cells cells, List<Group> groups, List<Duration> durations) {
        List<String> codes = new ArrayList<>(groups.stream().map(Group::code).toList());
        durations.stream().map(Duration::group).filter(Objects::nonNull).filter(code -> !codes.contains(code))
                .distinct().sorted().forEach(codes::add);
        Map<String, List<Double>> acknowledge = new LinkedHashMap<>();
        Map<String, List<Double>> close = new LinkedHashMap<>();
        codes.forEach(code -> {
            acknowledge.put(code, hours(durations, DashboardProjection.ACKNOWLEDGE, code, true));
            close.put(code, hours(durations, DashboardProjection.CLOSE, code, true));
        });
        Set<String> hiddenAcknowledge = cells.suppressed(sizes(acknowledge));
        Set<String> hiddenClose = cells.suppressed(sizes(close));
        return codes.stream().map(code -> new GroupTiming(code,
                timing(cells, acknowledge.get(code), hiddenAcknowledge.contains(code)),
                timing(cells, close.get(code), hiddenClose.contains(code)))).toList();
    }

    private static Map<String, Long> sizes(Map<String, List<Double>> lists) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        lists.forEach((code, list) -> sizes.put(code, (long) list.size()));
        return sizes;
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return round(sorted.get(Math.max(rank, 1) - 1), 2);
    }

    private static Decisions decisions(Map<String, Map<String, Long>> counts) {
        Map<String, Long> levels = new LinkedHashMap<>();
        Map<String, Long> engagement = Dimension.ENGAGEMENT.in(counts);
        for (EngagementLevel level : EngagementLevel.values()) {
            levels.put(level.name(), engagement.getOrDefault(level.name(), 0L));
        }
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Map<String, Long> verdicts = Dimension.VERDICT.in(counts);
        for (Verdict verdict : Verdict.values()) {
            outcomes.put(verdict.name(), verdicts.getOrDefault(verdict.name(), 0L));
        }
        return new Decisions(Figure.PROPOSED.in(counts), levels, Figure.REVISIONS.in(counts),
                Figure.TRIGGERED_BY_FEEDBACK.in(counts), Figure.REVIEWS_DUE.in(counts), outcomes);
    }

    private record Reading(String indicatorId, String group, double value, Instant measuredAt) {
    }

    private List<Indicator> indicators(String initiativeId) {
        List<Reading> values = db.query("select indicator_id, stakeholder_group, measured_value, measured_at"
                + " from dashboard_measurement where initiative_id = ? order by measured_at, sequence",
                (row, n) -> new Reading(row.getString(1), row.getString(2), row.getDouble(3),
                        row.getTimestamp(4).toInstant()), initiativeId);
        return db.query("select indicator_id, name, unit, direction from dashboard_indicator where initiative_id = ?"
                + " order by defined_at, indicator_id", (row, n) -> {
                    String id = row.getString(1);
                    Map<String, List<Point>> byGroup = new TreeMap<>(java.util.Comparator.nullsFirst(
                            java.util.Comparator.naturalOrder()));
                    values.stream().filter(v -> v.indicatorId().equals(id)).forEach(v -> byGroup
                            .computeIfAbsent(v.group(), g -> new ArrayList<>()).add(new Point(v.value(), v.measuredAt())));
                    List<Series> series = byGroup.entrySet().stream()
                            .map(entry -> new Series(entry.getKey(), entry.getValue())).toList();
                    return new Indicator(id, row.getString(2), row.getString(3), row.getString(4), series);
                }, initiativeId);
    }

    private static List<ThemeCount> themes(Cells cells, Map<String, Long> themes) {
        Map<String, Long> counts = new TreeMap<>(themes);
        counts.values().removeIf(count -> count <= 0);
        Set<String> hidden = cells.suppressed(counts);
        return counts.entrySet().stream().map(theme -> new ThemeCount(theme.getKey(),
                hidden.contains(theme.getKey()) ? DashboardView.Suppressed.CELL : theme.getValue())).toList();
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
