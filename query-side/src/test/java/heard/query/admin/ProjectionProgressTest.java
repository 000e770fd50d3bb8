package heard.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.admin.ProjectionProgress.State;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.junit.jupiter.api.Test;

class ProjectionProgressTest {
    private static final Segment[] HALVES = Segment.ROOT_SEGMENT.split();

    private static EventTrackerStatus at(Segment segment, long position) {
        return new TrackerStatus(segment, true, new GlobalSequenceTrackingToken(position), null);
    }

    private static EventTrackerStatus replaying(Segment segment, long position, long until) {
        return new TrackerStatus(segment, false, ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(until),
                new GlobalSequenceTrackingToken(position)), null);
    }

    @Test
    void aLiveProjectionIsAsFarBehindAsItsSlowestSegment() {
        ProjectionProgress progress = ProjectionProgress.of("inbox", true, false,
                List.of(at(HALVES[0], 90), at(HALVES[1], 80)), OptionalLong.of(100), 5.0, 0);

        assertThat(progress.state()).isEqualTo(State.LIVE);
        assertThat(progress.position()).isEqualTo(80);
        assertThat(progress.lag()).isEqualTo(20);
        assertThat(progress.secondsLeft()).isEqualTo(4);
        assertThat(progress.rebuiltPercent()).isNull();
    }

    @Test
    void aRebuildShowsTheShareDoneAndTheTimeLeftAtItsSpeed() {
        ProjectionProgress progress = ProjectionProgress.of("dashboard", true, false,
                List.of(replaying(HALVES[0], 250, 1000), replaying(HALVES[1], 750, 1000)), OptionalLong.of(1000),
                100.0, 1);

        assertThat(progress.state()).isEqualTo(State.REBUILDING);
        assertThat(progress.rebuiltPercent()).isEqualTo(50);
        assertThat(progress.secondsLeft()).isEqualTo(8);
        assertThat(progress.parked()).isEqualTo(1);
    }

    @Test
    void aRebuildThatReachedTheLogsHeadIsLiveBeforeTheNextEventComes() {
        ProjectionProgress progress = ProjectionProgress.of("dashboard", true, false,
                List.of(replaying(HALVES[0], 1000, 1000), replaying(HALVES[1], 1000, 1000)), OptionalLong.of(1000),
                null, 0);

        assertThat(progress.state()).isEqualTo(State.LIVE);
        assertThat(progress.lag()).isZero();
        assertThat(progress.segments()).noneMatch(ProjectionProgress.SegmentProgress::replaying);
    }

    @Test
    void aSegmentOnAnErrorOrAStoppedProcessorSaysSo() {
        EventTrackerStatus failing = new TrackerStatus(HALVES[0], false, new GlobalSequenceTrackingToken(3),
                new IllegalStateException("the database is away"));

        assertThat(ProjectionProgress.of("inbox", true, false, List.of(failing, at(HALVES[1], 5)), OptionalLong.empty(),
                null, 0).state()).isEqualTo(State.FAILING);
        assertThat(ProjectionProgress.of("inbox", false, false, List.of(), OptionalLong.of(5), null, 0).state())
                .isEqualTo(State.STOPPED);
        assertThat(ProjectionProgress.of("inbox", true, false, List.of(at(HALVES[0], 5)), OptionalLong.empty(), null, 0)
                .lag()).as("no head, no lag").isNull();
    }
}
