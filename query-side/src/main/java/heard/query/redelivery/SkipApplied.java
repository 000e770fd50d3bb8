package heard.query.redelivery;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection's handlers see each aggregate event once. Kafka delivers at least once: an event
 * republished after the command side restarted arrives at a new offset, past any token. An event
 * parked in the dead-letter queue counts as applied when it arrives, and is let through when retried.
 */
public record SkipApplied(String processingGroup, AppliedEvents applied)
        implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (retryingDeadLetter(unitOfWork)) {
            // recorded as applied when it first came, then parked: now it is really applied
            return chain.proceed();
        }
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null
                && !applied.apply(processingGroup, event.getAggregateIdentifier(), event.getSequenceNumber())) {
            return null;
        }
        return chain.proceed();
    }

    /** Axon puts the letter among the resources of the unit of work that retries it. */
    private static boolean retryingDeadLetter(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(DeadLetter.class.getName());
    }
}
