package heard.query.dashboard;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static org.assertj.core.api.Assertions.assertThat;

import heard.query.LoopEvents;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event delivered twice (as Kafka may, at a new offset, also after later events of its aggregate) reaches
 * the dashboard's handlers, which keep no record of applied events: the mark on the feedback's own row tells
 * them it was applied, and the figures stay as they were.
 */
@ProjectionTest
@Import({DashboardProjection.class, DashboardRows.class, DashboardReader.class})
class RedeliveryTest {
    private static final String INITIATIVE = "initiative-1";

    @Autowired
    DashboardProjection projection;
    @Autowired
    DashboardReader reader;
    @Autowired
    EventDelivery delivery;
    @Autowired
    JdbcTemplate db;

    private final LoopEvents loop = LoopEvents.feedback("feedback-1", INITIATIVE);

    private void deliver(String aggregateType, String aggregateId, long sequence, Object payload) {
        EventMessage<?> event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload);
        delivery.deliver(() -> DashboardMessages.handle(projection, event));
    }

    private DashboardView.Loop figures() {
        return reader.dashboard(INITIATIVE, hoursAfterT0(10), true).loop();
    }

    @BeforeEach
    void story() {
        deliver("Initiative", INITIATIVE, 0, launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(60)));
        deliver("Feedback", loop.feedbackId(), 0, loop.submitted(T0));
        deliver("Feedback", loop.feedbackId(), 1, loop.acknowledged(hoursAfterT0(1)));
        deliver("Feedback", loop.feedbackId(), 2, loop.corrected(1, "Not quite", hoursAfterT0(2)));
    }

    @Test
    void aRedeliveredEventChangesNoFigure() {
        DashboardView.Loop before = figures();
        assertThat(before.submitted()).isEqualTo(1L);
        assertThat(before.acknowledged()).isEqualTo(1L);

        deliver("Initiative", INITIATIVE, 0, launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(60)));
        deliver("Feedback", loop.feedbackId(), 0, loop.submitted(T0));
        deliver("Feedback", loop.feedbackId(), 1, loop.acknowledged(hoursAfterT0(1)));

        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void anOldEventRedeliveredAfterLaterOnesDoesNotMoveTheStatusBack() {
        deliver("Feedback", loop.feedbackId(), 3, loop.summarized(2, "A crossing guard", hoursAfterT0(3)));
        deliver("Feedback", loop.feedbackId(), 4, loop.confirmed(2, hoursAfterT0(4)));
        deliver("Feedback", loop.feedbackId(), 2, loop.corrected(1, "Not quite", hoursAfterT0(2)));

        assertThat(figures().understandingConfirmed()).isEqualTo(1L);
        assertThat(figures().understandingCorrected()).isEqualTo(1L);
        assertThat(new FeedbackRecords(db).csv(INITIATIVE)).contains(",CONFIRMED,");
    }

    @Test
    void theNextEventOfTheFeedbackIsApplied() {
        deliver("Feedback", loop.feedbackId(), 3, loop.loopClosed("learning-1", hoursAfterT0(5)));

        assertThat(figures().closed()).isEqualTo(1L);
    }

    @Test
    void afterAReplayEveryEventIsAppliedAgain() {
        delivery.deliver(projection::reset);

        story();

        assertThat(figures().submitted()).isEqualTo(1L);
        assertThat(figures().understandingCorrected()).isEqualTo(1L);
    }
}
