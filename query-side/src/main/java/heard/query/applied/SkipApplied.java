package heard.query.applied;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection's handlers see each aggregate event once. Kafka delivers at least once: an event
 * republished after the command side restarted arrives at a new offset, past any token.
 */
public record SkipApplied(String processingGroup, AppliedEvents applied)
        implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null
                && !applied.apply(processingGroup, event.getAggregateIdentifier(), event.getSequenceNumber())) {
            return null;
        }
        return chain.proceed();
    }
}
