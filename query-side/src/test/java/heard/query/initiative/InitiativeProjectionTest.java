package heard.query.initiative;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.feedback;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static heard.query.LoopEvents.learningPublished;
import static org.assertj.core.api.Assertions.assertThat;

import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ProjectionTest
@Import(InitiativeProjection.class)
class InitiativeProjectionTest {
    @Autowired
    InitiativeProjection projection;
    @Autowired
    InitiativeViews views;
    @Autowired
    EventDelivery delivery;

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
    void countsFeedbackAndLearningsOfEachInitiative() {
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));
        delivery.deliver(() -> projection.on(launched("initiative-2", "Library hours", T0)));
        delivery.deliver(() -> projection.on(feedback("feedback-1", "initiative-1").submitted(hoursAfterT0(1))));
        delivery.deliver(() -> projection.on(feedback("feedback-2", "initiative-1").submitted(hoursAfterT0(2))));
        delivery.deliver(() -> projection.on(feedback("feedback-3", "initiative-2").submitted(hoursAfterT0(3))));
        delivery.deliver(() -> projection.on(learningPublished("learning-1", "initiative-1", hoursAfterT0(4),
                "feedback-1", "feedback-2")));

        InitiativeView first = views.findById("initiative-1").orElseThrow();
        InitiativeView second = views.findById("initiative-2").orElseThrow();
        assertThat(first.feedbackCount()).isEqualTo(2);
        assertThat(first.learningCount()).isEqualTo(1);
        assertThat(second.feedbackCount()).isEqualTo(1);
        assertThat(second.learningCount()).isZero();
    }

    @Test
    void aRedeliveredLaunchKeepsTheCounts() {
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));
        delivery.deliver(() -> projection.on(feedback("feedback-1", "initiative-1").submitted(hoursAfterT0(1))));
        delivery.deliver(() -> projection.on(launched("initiative-1", "Safer routes to school", T0)));

        assertThat(views.findById("initiative-1").orElseThrow().feedbackCount()).isEqualTo(1);
    }

    @Test
    void initiativesAreListedNewestFirst() {
        delivery.deliver(() -> projection.on(launched("older", "Older", T0)));
        delivery.deliver(() -> projection.on(launched("newer", "Newer", hoursAfterT0(1))));

        assertThat(views.findAllByOrderByLaunchedAtDesc()).extracting(InitiativeView::initiativeId)
                .containsExactly("newer", "older");
    }
}
