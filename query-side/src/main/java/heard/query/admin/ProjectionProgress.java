package heard.query.admin;

import heard.query.config.CaughtUp;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;

/**
 * Where one projection stands: {@code LIVE} (following the log), {@code REBUILDING} (replaying it
 * from the start, with the share done), {@code FAILING} (a segment stopped on an error and waits to
 * try again) or {@code STOPPED}. Positions count events of the log; the lag is the log's head minus
 * the position, where the head is known. The segments are those this instance holds; the claims say who
 * holds each segment, across all instances.
 */
record ProjectionProgress(String name, State state, Long position, Long head, Long lag, Integer rebuiltPercent,
                          Double eventsPerSecond, Long secondsLeft, long parked, List<SegmentProgress> segments,
                          List<Claim> claims) {

    enum State { LIVE, REBUILDING, FAILING, STOPPED }

    record SegmentProgress(int segment, Long position, boolean replaying, boolean caughtUp, boolean failing) {
    }

    /** Which instance holds a segment of the projection's token (null: none), as the shared token store says. */
    record Claim(int segment, String owner) {
    }

    ProjectionProgress withClaims(List<Claim> all) {
        return new ProjectionProgress(name, state, position, head, lag, rebuiltPercent, eventsPerSecond, secondsLeft,
                parked, segments, List.copyOf(all));
    }

    /** {@code eventsPerSecond} comes from an earlier look, null on the first. */
    static ProjectionProgress of(String name, boolean running, boolean rebuilding,
                                 Collection<EventTrackerStatus> statuses, OptionalLong head, Double eventsPerSecond,
                                 long parked) {
        List<SegmentProgress> segments = statuses.stream()
                .map(status -> new SegmentProgress(status.getSegment().getSegmentId(),
                        boxed(status.getCurrentPosition()), CaughtUp.stillReplaying(status), status.isCaughtUp(),
                        status.isErrorState()))
                .sorted(java.util.Comparator.comparingInt(SegmentProgress::segment)).toList();
        Long position = position(statuses);
        Long headPosition = boxed(head);
        Long lag = position == null || headPosition == null ? null : Math.max(0, headPosition - position);
        State state = !running ? State.STOPPED
                : segments.stream().anyMatch(SegmentProgress::failing) ? State.FAILING
                : rebuilding || segments.stream().anyMatch(SegmentProgress::replaying) ? State.REBUILDING
                : State.LIVE;
        Integer percent = state == State.REBUILDING ? rebuiltPercent(statuses) : null;
        Long remaining = state == State.REBUILDING ? toReplay(statuses) : lag;
        Long secondsLeft = remaining == null || eventsPerSecond == null || eventsPerSecond <= 0 ? null
                : (long) Math.ceil(remaining / eventsPerSecond);
        return new ProjectionProgress(name, state, position, headPosition, lag, percent, eventsPerSecond,
                secondsLeft, parked, segments, List.of());
    }

    /** The position every segment has passed: the slowest one's. */
    static Long position(Collection<EventTrackerStatus> statuses) {
        return statuses.stream().map(status -> status.getCurrentPosition())
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).min(Long::compare).orElse(null);
    }

    private static Integer rebuiltPercent(Collection<EventTrackerStatus> statuses) {
        long done = 0;
        long total = 0;
        for (EventTrackerStatus status : statuses) {
            long end = status.getResetPosition().orElse(0);
            total += end;
            done += Math.min(end, status.getCurrentPosition().orElse(0));
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
    }

    private static Long toReplay(Collection<EventTrackerStatus> statuses) {
        return statuses.stream().filter(CaughtUp::stillReplaying)
                .mapToLong(status -> Math.max(0, status.getResetPosition().orElse(0)
                        - status.getCurrentPosition().orElse(0)))
                .max().orElse(0);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
