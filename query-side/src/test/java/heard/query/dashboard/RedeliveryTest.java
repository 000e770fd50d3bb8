package heard.query.dashboard;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static org.assertj.core.api.Assertions.assertThat;

import heard.query.LoopEvents;
import heard.query.applied.AppliedEvents;
import heard.query.applied.SkipApplied;
import heard.query.config.ProjectionTest;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;

/**
 * An event delivered twice (as Kafka may, at a new offset) reaches the projection's handlers once,
 * through the interceptor every query-side processor has, and leaves the figures as they were.
 */
@ProjectionTest
@Import({DashboardProjection.class, DashboardReader.class, AppliedEvents.class})
class RedeliveryTest {
    private static final String INITIATIVE = "initiative-1";

    @Autowired
    DashboardProjection projection;
    @Autowired
    DashboardReader reader;
    @Autowired
    AppliedEvents applied;
    @Autowired
    TestEntityManager entities;

    private final LoopEvents loop = LoopEvents.feedback("feedback-1", INITIATIVE);
    private int handled;

    /** As a processor delivers it: in a unit of work, through the interceptor, to the annotated handlers. */
    private void deliver(String aggregateType, String aggregateId, long sequence, Object payload) throws Exception {
        EventMessage<?> event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload);
        SimpleEventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder().eventHandlers(projection).build();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(new SkipApplied(DashboardProjection.GROUP, applied)), message -> {
                    handled++;
                    handlers.handle(message, Segment.ROOT_SEGMENT);
                    return null;
                }).proceed());
        entities.flush();
        entities.clear();
    }

    private DashboardView.Loop figures() {
        return reader.dashboard(INITIATIVE, hoursAfterT0(10), true).loop();
    }

    @BeforeEach
    void story() throws Exception {
        deliver("Initiative", INITIATIVE, 0, launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(60)));
        deliver("Feedback", loop.feedbackId(), 0, loop.submitted(T0));
        deliver("Feedback", loop.feedbackId(), 1, loop.acknowledged(hoursAfterT0(1)));
    }

    @Test
    void aRedeliveredEventIsNotHandledAgainAndChangesNoFigure() throws Exception {
        DashboardView.Loop before = figures();
        assertThat(before.submitted()).isEqualTo(1L);
        assertThat(before.acknowledged()).isEqualTo(1L);

        deliver("Feedback", loop.feedbackId(), 0, loop.submitted(T0));
        deliver("Feedback", loop.feedbackId(), 1, loop.acknowledged(hoursAfterT0(1)));

        assertThat(handled).isEqualTo(3);
        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void theNextEventOfTheAggregateIsHandled() throws Exception {
        deliver("Feedback", loop.feedbackId(), 2, loop.summarized(1, "You want a crossing guard", hoursAfterT0(2)));

        assertThat(handled).isEqualTo(4);
    }

    @Test
    void afterAReplayForgetsWhatWasAppliedEveryEventIsHandledAgain() throws Exception {
        projection.reset();
        applied.forget(DashboardProjection.GROUP);

        story();

        assertThat(handled).isEqualTo(6);
        assertThat(figures().submitted()).isEqualTo(1L);
    }
}
