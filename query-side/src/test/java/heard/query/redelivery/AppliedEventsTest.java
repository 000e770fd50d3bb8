package heard.query.redelivery;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.ProjectionTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The record of what each projection applied, on the real migrations (H2). */
@ProjectionTest
@Import(AppliedEvents.class)
class AppliedEventsTest {
    @Autowired
    AppliedEvents applied;
    @Autowired
    JdbcTemplate db;

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
    void aBatchsMarksAreFoundByTheirKeysNotByReadingTheProjectionsOthers() {
        Map<String, Long> many = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            many.put("feedback-" + i, 0L);
        }
        applied.record("initiatives", many);
        List<Object[]> keys = List.of(new Object[] {"initiatives", "feedback-7"},
                new Object[] {"initiatives", "feedback-19999"});

        String plan = new NamedParameterJdbcTemplate(db).queryForObject("explain analyze " + AppliedEvents.MARKS,
                Map.of("ids", keys), String.class);

        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).as(plan).isLessThanOrEqualTo(3);
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
