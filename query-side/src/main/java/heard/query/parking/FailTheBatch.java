package heard.query.parking;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A handler that fails on a live event fails its whole batch, rather than being parked within it:
 * the batch's transaction may already be spoiled, and the failed handler's earlier writes must not be
 * kept. {@link ParkAlone} then finds and parks the event. A retried dead letter that fails again is kept.
 */
public record FailTheBatch(String processingGroup) implements EnqueuePolicy<EventMessage<?>> {

    /** Where Axon's pooled streaming processor keeps the segment of the batch it is applying. */
    static String segmentKey(String processingGroup) {
        return "Processor[" + processingGroup + "]/SegmentId";
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(segmentKey(processingGroup))) {
            throw new UnstoredEvent(cause);
        }
        return Decisions.enqueue(storable(cause));
    }

    /** The dead-letter queue keeps at most 1023 characters of a cause; a database's message can be longer. */
    static ThrowableCause storable(Throwable cause) {
        return ThrowableCause.truncated(cause);
    }
}
