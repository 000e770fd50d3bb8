package heard.query.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One initiative's dashboard. Each figure typed {@code Object} is either a number or
 * {@link Suppressed} ({@code {"suppressed": true}}) where it would reveal a small count.
 * {@code exact} says whether the figures are unsuppressed (ANALYST and ADMIN only).
 */
public record DashboardView(
        String initiativeId,
        String title,
        int minCell,
        boolean exact,
        Participation participation,
        Loop loop,
        Decisions decisions,
        List<Indicator> indicators,
        List<ThemeCount> themes) {

    /** The marker of a suppressed figure. */
    public record Suppressed(boolean suppressed) {
        public static final Suppressed CELL = new Suppressed(true);
    }

    public record Participation(Object total, List<GroupShare> byGroup, List<ChannelShare> byChannel) {
    }

    /** A stakeholder group's voice: index is share of input ÷ population share; under 0.8 is flagged. */
    public record GroupShare(String group, String name, Double populationShare, Object count, Object share,
            Object representationIndex, Object underRepresented) {
    }

    public record ChannelShare(String channel, Object count, Object share) {
    }

    public record Loop(Object submitted, Object acknowledged, Object understandingConfirmed,
            Object understandingCorrected, Object closed, Object closureRate, Timing hoursToAcknowledge,
            Timing hoursToClose, List<GroupTiming> byGroup, Object overdue) {
    }

    /** Hours from submission, nearest-rank percentiles over {@code count} durations. */
    public record Timing(Object count, Object median, Object p90) {
    }

    public record GroupTiming(String group, Timing hoursToAcknowledge, Timing hoursToClose) {
    }

    public record Decisions(long total, Map<String, Long> byEngagementLevel, long revisions,
            long revisionsTriggeredByFeedback, long reviewsDue, Map<String, Long> outcomes) {
    }

    public record Indicator(String indicatorId, String name, String unit, String direction, List<Series> series) {
    }

    /** The values of an indicator overall ({@code group} null) or for one stakeholder group. */
    public record Series(String group, List<Point> points) {
    }

    public record Point(double value, Instant measuredAt) {
    }

    public record ThemeCount(String theme, Object count) {
    }
}
