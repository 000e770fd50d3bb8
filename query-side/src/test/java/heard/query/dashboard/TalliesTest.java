package heard.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.dashboard.Tallies.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When public figures may follow the figures as they stand: only if no count behind them moved by one person alone. */
class TalliesTest {
    private static final int MIN_CELL = 5;

    private static Tallies of(long families, long staff, long overdue, Duration... durations) {
        return new Tallies(Map.of("group", Map.of("families", families, "staff", staff),
                "loop", Map.of("submitted", families + staff)), List.of(durations), overdue);
    }

    @Test
    void figuresThatMovedByOneSubmissionAnywhereMayNotBePublished() {
        Tallies before = of(8, 1, 0);
        assertThat(of(9, 1, 0).stepAwayFrom(before, MIN_CELL)).as("a group and the total by one").isFalse();
        assertThat(of(8, 2, 0).stepAwayFrom(before, MIN_CELL)).as("a hidden group by one").isFalse();
        assertThat(of(13, 2, 0).stepAwayFrom(before, MIN_CELL)).as("five families but one member of staff").isFalse();
        assertThat(of(8, 1, 1).stepAwayFrom(before, MIN_CELL)).as("one more waiting past the promise").isFalse();
        assertThat(of(8, 1, 0, new Duration(DashboardProjection.ACKNOWLEDGE, "staff", 2)).stepAwayFrom(before, MIN_CELL))
                .as("one more acknowledged").isFalse();
    }

    @Test
    void figuresThatMovedByNothingOrAtLeastTheMinimumCellMayBe() {
        Tallies before = of(8, 1, 0);
        assertThat(of(8, 1, 0).stepAwayFrom(before, MIN_CELL)).as("nothing moved: nothing new to publish").isFalse();
        assertThat(of(13, 1, 0).stepAwayFrom(before, MIN_CELL)).as("five more families").isTrue();
        assertThat(of(13, 6, 5).stepAwayFrom(before, MIN_CELL)).as("five of each, five more waiting").isTrue();
        Duration[] five = new Duration[5];
        Arrays.fill(five, new Duration(DashboardProjection.ACKNOWLEDGE, "families", 3));
        assertThat(of(8, 1, 0, five).stepAwayFrom(before, MIN_CELL)).as("five acknowledged families").isTrue();
    }

    @Test
    void aCountThatAppearsOrGoesCountsFromNothing() {
        Tallies before = new Tallies(Map.of(), List.of(), 0);
        assertThat(new Tallies(Map.of("channel", Map.of("PAPER", 1L)), List.of(), 0).stepAwayFrom(before, MIN_CELL))
                .isFalse();
        assertThat(before.stepAwayFrom(new Tallies(Map.of("channel", Map.of("PAPER", 1L)), List.of(), 0), MIN_CELL))
                .isFalse();
        assertThat(new Tallies(Map.of("channel", Map.of("PAPER", 5L)), List.of(), 0).stepAwayFrom(before, MIN_CELL))
                .isTrue();
    }
}
