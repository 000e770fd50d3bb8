package heard.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The names the dashboard's counts are stored under are kept by its rows and by the public snapshots: the
 * figures the projection writes and the reader reads must go on naming them as they always have.
 */
class FiguresTest {
    @Test
    void theStoredNamesStayAsTheRowsHoldThem() {
        assertThat(Arrays.stream(Dimension.values()).map(dimension -> dimension.stored))
                .containsExactly("group", "channel", "loop", "theme", "engagement", "verdict", "decision");
        assertThat(Arrays.stream(Figure.values()).map(figure -> figure.dimension.stored + ":" + figure.item))
                .containsExactly("loop:submitted", "loop:acknowledged", "loop:confirmed", "loop:corrected",
                        "loop:closed", "decision:proposed", "decision:revisions", "decision:triggeredByFeedback",
                        "decision:reviewsDue");
    }

    @Test
    void aFigureIsReadFromItsDimensionAndIsNothingUntilCounted() {
        Map<String, Map<String, Long>> counts = Map.of("loop", Map.of("submitted", 7L, "closed", 2L),
                "decision", Map.of("submitted", 99L));
        assertThat(Figure.SUBMITTED.in(counts)).isEqualTo(7);
        assertThat(Figure.CLOSED.in(counts)).isEqualTo(2);
        assertThat(Figure.ACKNOWLEDGED.in(counts)).isZero();
        assertThat(Figure.PROPOSED.in(counts)).isZero();
        assertThat(Dimension.THEME.in(counts)).isEmpty();
    }
}
