package heard.query.redelivery;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.ProjectionTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The record of what each projection applied, on the real migrations. */
@ProjectionTest
@Import(AppliedEvents.class)
class AppliedEventsTest {
    @Autowired
    AppliedEvents applied;

    @Test
    void aMarkRecordedAgainTakesTheNewSequence() {
        applied.record("inbox", Map.of("feedback-1", 0L, "feedback-2", 4L));
        applied.record("inbox", Map.of("feedback-1", 3L));

        assertThat(applied.lastApplied("inbox", List.of("feedback-1", "feedback-2", "feedback-3")))
                .isEqualTo(Map.of("feedback-1", 3L, "feedback-2", 4L));
    }

    @Test
    void eachProjectionAndAggregateIsKeptApart() {
        applied.record("inbox", Map.of("feedback-1", 1L));
        applied.record("dashboard", Map.of("feedback-1", 2L));

        assertThat(applied.lastApplied("inbox", List.of("feedback-1"))).isEqualTo(Map.of("feedback-1", 1L));
        assertThat(applied.lastApplied("dashboard", List.of("feedback-1"))).isEqualTo(Map.of("feedback-1", 2L));
    }

    @Test
    void forgettingOneProjectionLeavesTheOthers() {
        applied.record("inbox", Map.of("feedback-1", 3L));
        applied.record("dashboard", Map.of("feedback-1", 3L));

        applied.forget("inbox");

        assertThat(applied.lastApplied("inbox", List.of("feedback-1"))).isEmpty();
        assertThat(applied.lastApplied("dashboard", List.of("feedback-1"))).isEqualTo(Map.of("feedback-1", 3L));
    }
}
