package heard.query.redelivery;

import heard.query.batching.TransactionBound;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection's handlers see each aggregate event once. Kafka delivers at least once: an event
 * republished after the command side restarted arrives at a new offset, past any token. An event
 * parked in the dead-letter queue counts as applied when it arrives, and is let through when retried.
 * <p>
 * The marks cost statements per batch, not per event: the first event of an aggregate not yet known to the
 * transaction reads the marks of the aggregates of the batch's next events with it (one {@code in} list), and the
 * marks the transaction moved are written once, just before it commits (see {@link TransactionBound}), so a
 * failed batch leaves none of them.
 */
public final class SkipApplied implements MessageHandlerInterceptor<EventMessage<?>> {
    /** The most aggregates whose marks one read asks for: one {@code in} list. */
    private static final int READ_AHEAD = 500;
    private final String processingGroup;
    private final AppliedEvents applied;
    private final TransactionBound<AppliedMarks> marks;

    public SkipApplied(String processingGroup, AppliedEvents applied) {
        this.processingGroup = processingGroup;
        this.applied = applied;
        this.marks = new TransactionBound<>(AppliedMarks::new,
                moved -> applied.record(processingGroup, moved.moved()));
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (retryingDeadLetter(unitOfWork)) {
            // recorded as applied when it first came, then parked: now it is really applied
            return chain.proceed();
        }
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null
                && !marks.changed(known -> known.apply(event.getAggregateIdentifier(), event.getSequenceNumber(),
                        unknown -> comingAggregates(unitOfWork, unknown),
                        ids -> applied.lastApplied(processingGroup, ids)))) {
            return null;
        }
        return chain.proceed();
    }

    /** The aggregate, and those of the batch's next events whose marks this transaction has not read. */
    private static Set<String> comingAggregates(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                                Predicate<String> unknown) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(((DomainEventMessage<?>) unitOfWork.getMessage()).getAggregateIdentifier());
        if (unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batch) {
            int at = batch.getMessages().indexOf(unitOfWork.getMessage());
            for (EventMessage<?> next : batch.getMessages().subList(Math.max(at, 0), batch.getMessages().size())) {
                if (ids.size() >= READ_AHEAD) {
                    break;
                }
                if (next instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                        && unknown.test(domain.getAggregateIdentifier())) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
        }
        return ids;
    }

    /** Axon puts the letter among the resources of the unit of work that retries it. */
    private static boolean retryingDeadLetter(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(DeadLetter.class.getName());
    }
}
