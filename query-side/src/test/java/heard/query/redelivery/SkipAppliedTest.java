package heard.query.redelivery;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.ProjectionTest;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * An event delivered twice (as Kafka may, at a new offset) reaches a projection's handlers once, through the
 * interceptor the query side's processors have (all but those that tell a redelivery by their own rows).
 */
@ProjectionTest
@Import(AppliedEvents.class)
class SkipAppliedTest {
    private static final String GROUP = "inbox";
    @Autowired
    AppliedEvents applied;
    private final List<Long> handled = new ArrayList<>();

    /** As a processor delivers it: in a unit of work, through the interceptor, to the handlers. */
    private void deliver(String aggregateId, long sequence, boolean retryingDeadLetter) throws Exception {
        EventMessage<?> event = new GenericDomainEventMessage<>("Feedback", aggregateId, sequence, "payload");
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        if (retryingDeadLetter) {
            unitOfWork.resources().put(DeadLetter.class.getName(), "the letter");
        }
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(new SkipApplied(GROUP, applied)), message -> {
                    handled.add(((GenericDomainEventMessage<?>) message).getSequenceNumber());
                    return null;
                }).proceed());
    }

    @BeforeEach
    void story() throws Exception {
        deliver("feedback-1", 0, false);
        deliver("feedback-1", 1, false);
    }

    @Test
    void aRedeliveredEventIsNotHandledAgain() throws Exception {
        deliver("feedback-1", 0, false);
        deliver("feedback-1", 1, false);

        assertThat(handled).containsExactly(0L, 1L);
    }

    @Test
    void theNextEventOfTheAggregateIsHandled() throws Exception {
        deliver("feedback-1", 2, false);
        deliver("feedback-2", 0, false);

        assertThat(handled).containsExactly(0L, 1L, 2L, 0L);
    }

    @Test
    void aRetriedDeadLetterIsHandledThoughItsMarkWasWrittenWhenItCame() throws Exception {
        deliver("feedback-1", 1, true);

        assertThat(handled).containsExactly(0L, 1L, 1L);
    }

    @Test
    void afterAReplayForgetsWhatWasAppliedEveryEventIsHandledAgain() throws Exception {
        applied.forget(GROUP);

        story();

        assertThat(handled).containsExactly(0L, 1L, 0L, 1L);
    }
}
