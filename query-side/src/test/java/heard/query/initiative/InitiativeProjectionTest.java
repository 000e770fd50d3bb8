package heard.query.initiative;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static heard.query.LoopEvents.learningPublished;
import static org.assertj.core.api.Assertions.assertThat;

import heard.events.FeedbackSubmitted;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@ProjectionTest
@Import(InitiativeProjection.class)
class InitiativeProjectionTest {
    @Autowired
    InitiativeProjection projection;
    @Autowired
    InitiativeViews views;
    @Autowired
    EventDelivery delivery;
    @Autowired
    JdbcTemplate db;

    @Test
    void aLaunchedInitiativeIsSummarizedWithItsGroupsAndLanguages() {
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));

        InitiativeSummary summary = InitiativeSummary.of(views.findById("initiative-1").orElseThrow());

        assertThat(summary.title()).isEqualTo("Safer routes to school");
        assertThat(summary.guidingQuestion()).isEqualTo("How do your children get to school?");
        assertThat(summary.stakeholderGroups()).containsExactly(
                new StakeholderGroup("parents", "Parents", StakeholderRole.BENEFICIARY, 0.6),
                new StakeholderGroup("staff", "School staff", StakeholderRole.PROVIDER, 0.3));
        assertThat(summary.languages()).containsExactly("en", "es");
        assertThat(summary.acknowledgeWithinHours()).isEqualTo(72);
        assertThat(summary.launchedAt()).isEqualTo(T0);
        assertThat(summary.feedbackCount()).isZero();
        assertThat(summary.learningCount()).isZero();
    }

    @Test
    void countsTheLearningsOfEachInitiative() {
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));
        delivery.deliver(() -> projection.on(launched("initiative-2", "Library hours", T0)));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", "initiative-1", hoursAfterT0(4),
                "feedback-1", "feedback-2")));

        assertThat(views.findById("initiative-1").orElseThrow().learningCount()).isEqualTo(1);
        assertThat(views.findById("initiative-2").orElseThrow().learningCount()).isZero();
    }

    /** The dashboard counts each initiative's submissions; the summary shows its count, and keeps none of its own. */
    @Test
    void theFeedbackCountIsTheDashboardsCountOfSubmissions() {
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));
        delivery.deliver(() -> projection.on(launched("initiative-2", "Library hours", T0)));
        db.update("insert into dashboard_count (initiative_id, dimension, item, amount) values"
                + " ('initiative-1', 'loop', 'submitted', 2), ('initiative-1', 'loop', 'acknowledged', 1),"
                + " ('initiative-2', 'channel', 'WEB', 7)");

        assertThat(views.findById("initiative-1").orElseThrow().feedbackCount()).isEqualTo(2);
        assertThat(views.findById("initiative-2").orElseThrow().feedbackCount()).isZero();
        assertThat(Arrays.stream(InitiativeProjection.class.getDeclaredMethods())
                .flatMap(handler -> Arrays.stream(handler.getParameterTypes())))
                .doesNotContain(FeedbackSubmitted.class);
    }

    @Test
    void aRedeliveredLaunchKeepsTheCounts() {
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", "initiative-1", hoursAfterT0(1),
                "feedback-1")));
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));

        assertThat(views.findById("initiative-1").orElseThrow().learningCount()).isEqualTo(1);
    }

    @Test
    void initiativesAreListedNewestFirst() {
        delivery.deliver(() -> projection.on(launched("older", "Older", T0)));
        delivery.deliver(() -> projection.on(launched("newer", "Newer", hoursAfterT0(1))));

        assertThat(views.findAllByOrderByLaunchedAtDesc()).extracting(InitiativeView::initiativeId)
                .containsExactly("newer", "older");
    }
}
