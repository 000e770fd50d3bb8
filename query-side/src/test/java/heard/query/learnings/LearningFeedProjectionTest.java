package heard.query.learnings;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static heard.query.LoopEvents.learningPublished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import heard.query.initiative.InitiativeReadModel;
import heard.query.web.NotFound;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ProjectionTest
@Import({LearningFeedProjection.class, LearningFeed.class, InitiativeReadModel.class})
class LearningFeedProjectionTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String OTHER_INITIATIVE = "initiative-2";

    @Autowired
    LearningFeedProjection projection;
    @Autowired
    LearningFeed feed;
    @Autowired
    InitiativeReadModel initiatives;
    @Autowired
    EventDelivery delivery;

    @BeforeEach
    void launchInitiatives() {
        delivery.deliver(() -> initiatives.on(launched(INITIATIVE, "Safer routes to school", T0)));
        delivery.deliver(() -> initiatives.on(launched(OTHER_INITIATIVE, "Library hours", T0)));
    }

    @Test
    void theFeedIsNewestFirst() {
        delivery.deliver(() -> projection.on(learningPublished("learning-b", INITIATIVE, hoursAfterT0(20))));
        delivery.deliver(() -> projection.on(learningPublished("learning-a", INITIATIVE, hoursAfterT0(10))));
        delivery.deliver(() -> projection.on(learningPublished("learning-c", INITIATIVE, hoursAfterT0(30))));

        assertThat(feed.of(INITIATIVE)).extracting(LearningEntry::learningId)
                .containsExactly("learning-c", "learning-b", "learning-a");
    }

    @Test
    void anEntrySaysWhatWasHeardDecidedAndLearned() {
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(10))));

        LearningEntry entry = feed.of(INITIATIVE).get(0);

        assertThat(entry.initiativeId()).isEqualTo(INITIATIVE);
        assertThat(entry.title()).isEqualTo("Learning learning-1");
        assertThat(entry.whatWeHeard()).isEqualTo("We heard learning-1");
        assertThat(entry.whatWeDecided()).isEqualTo("We decided learning-1");
        assertThat(entry.whatWeLearned()).isEqualTo("We learned learning-1");
        assertThat(entry.whatsNext()).isEqualTo("Next for learning-1");
        assertThat(entry.decisionIds()).containsExactly("decision-1");
        assertThat(entry.publishedAt()).isEqualTo(hoursAfterT0(10));
    }

    @Test
    void anEntryCountsTheFeedbackItAnswersWithoutNamingIt() throws Exception {
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(10),
                "feedback-1", "feedback-2", "feedback-3")));

        List<LearningEntry> entries = feed.of(INITIATIVE);

        assertThat(entries).singleElement().extracting(LearningEntry::feedbackCount).isEqualTo(3);
        String published = JsonMapper.builder().addModule(new JavaTimeModule()).build().writeValueAsString(entries);
        assertThat(published).doesNotContain("feedback-1", "feedback-2", "feedback-3");
    }

    @Test
    void eachInitiativeShowsOnlyItsOwnLearnings() {
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(10))));
        delivery.deliver(() -> projection.on(learningPublished("learning-2", OTHER_INITIATIVE, hoursAfterT0(11))));

        assertThat(feed.of(INITIATIVE)).extracting(LearningEntry::learningId).containsExactly("learning-1");
        assertThat(feed.of(OTHER_INITIATIVE)).extracting(LearningEntry::learningId).containsExactly("learning-2");
    }

    @Test
    void aRedeliveredLearningIsListedOnce() {
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(10),
                "feedback-1")));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", INITIATIVE, hoursAfterT0(10),
                "feedback-1")));

        assertThat(feed.of(INITIATIVE)).singleElement().extracting(LearningEntry::feedbackCount).isEqualTo(1);
    }

    @Test
    void anInitiativeWithNothingPublishedHasAnEmptyFeed() {
        assertThat(feed.of(INITIATIVE)).isEmpty();
    }

    @Test
    void anUnknownInitiativeIsNotFound() {
        assertThatThrownBy(() -> feed.of("no-such-initiative")).isInstanceOf(NotFound.class);
    }
}
