package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decisions and the learning feed apply a decision's events, a feedback's themes and a learning without a mark
 * in {@code applied_event}: each of their rows is written by one event, so an event delivered again writes the
 * same row. The initiative summaries, whose count of learnings comes from other aggregates' events, still mark the
 * learnings they applied; they apply no feedback event (the feedback count is the dashboard's), so they mark none.
 */
@StandaloneTest
class MarklessProjectionsTest {
    @Autowired
    JdbcTemplate db;
    Api api;

    @Test
    void theDecisionsAndTheLearningFeedKeepNoMarksWhereTheInitiativeSummariesMarkOnlyLearnings() {
        DecisionStory story = new DecisionStory(api, "Buses that wait on Fridays");
        Api.Response published = api.post("/api/initiatives/" + story.initiativeId + "/learnings",
                BadInputTest.LEARNING.replace("\"feedbackIds\": []", "\"feedbackIds\": [\"" + story.trigger + "\"]"),
                Api.as("facilitator"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        String learningId = published.json().get("learningId").asText();

        story.awaitWholeHistory();
        eventually().until(() -> api.get("/api/initiatives/" + story.initiativeId + "/learnings").json().size() == 1
                && count("select count(*) from decision_feedback_theme where feedback_id = ?", story.trigger) == 1
                && initiativesMarks(learningId) == 1);
        assertThat(initiativesMarks(story.trigger)).isZero();

        // other tests of the suite apply decisions, themes and learnings too: none of them leaves a mark either
        assertThat(count("select count(*) from applied_event where processing_group in ('decisions', 'learning-feed')"))
                .isZero();
    }

    private long initiativesMarks(String aggregateId) {
        return count("select count(*) from applied_event where processing_group = 'initiatives' and aggregate_id = ?",
                aggregateId);
    }

    private long count(String sql, Object... arguments) {
        return db.queryForObject(sql, Long.class, arguments);
    }
}
