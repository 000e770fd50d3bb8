package heard.query.redelivery;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.ProjectionTest;
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
    void anEventAtOrBelowTheLastAppliedOfItsAggregateIsRefused() {
        assertThat(applied.apply("inbox", "feedback-1", 0)).isTrue();
        assertThat(applied.apply("inbox", "feedback-1", 1)).isTrue();
        assertThat(applied.apply("inbox", "feedback-1", 1)).isFalse();
        assertThat(applied.apply("inbox", "feedback-1", 0)).isFalse();
        assertThat(applied.apply("inbox", "feedback-1", 2)).isTrue();
    }

    @Test
    void aProjectionMayFirstSeeAnAggregateAfterItsFirstEvent() {
        assertThat(applied.apply("decisions", "feedback-1", 2)).isTrue();
        assertThat(applied.apply("decisions", "feedback-1", 2)).isFalse();
        assertThat(applied.apply("decisions", "feedback-1", 0)).isFalse();
        assertThat(applied.apply("decisions", "feedback-1", 5)).isTrue();
        assertThat(applied.apply("decisions", "feedback-1", 3)).isFalse();
    }

    @Test
    void eachProjectionAndAggregateIsCountedApart() {
        assertThat(applied.apply("inbox", "feedback-1", 0)).isTrue();
        assertThat(applied.apply("dashboard", "feedback-1", 0)).isTrue();
        assertThat(applied.apply("inbox", "feedback-2", 0)).isTrue();
    }

    @Test
    void forgettingOneProjectionLeavesTheOthers() {
        applied.apply("inbox", "feedback-1", 3);
        applied.apply("dashboard", "feedback-1", 3);

        applied.forget("inbox");

        assertThat(applied.apply("inbox", "feedback-1", 0)).isTrue();
        assertThat(applied.apply("dashboard", "feedback-1", 3)).isFalse();
    }
}
