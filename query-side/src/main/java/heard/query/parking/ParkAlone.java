package heard.query.parking;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one event that a read model cannot store from stopping the others. A projection applies a
 * batch of events in one transaction. When the batch fails, in a handler or when its writes are
 * flushed at commit, it is rolled back and its events are applied again one at a time, each in a
 * transaction of its own; the one that fails again is parked alone in the projection's dead-letter
 * queue (with the later events of its own sequence behind it), and the rest of the batch goes on.
 * A dead letter being retried is applied in a transaction of its own too, so that its failure, if it
 * fails again, cannot spoil the retry's own bookkeeping: it stays parked with the new cause.
 * <p>
 * Outermost of a projection's interceptors, so that the mark of an applied event is written in the
 * same transaction as what the event changed.
 */
public final class ParkAlone implements MessageHandlerInterceptor<EventMessage<?>> {
    private static final String BATCH = ParkAlone.class.getName() + "/batch";
    private final String segmentKey;
    private final Parking parking;
    private final TransactionTemplate alone;
    /** Per segment, how many events from its token on to apply one at a time after a failed batch. */
    private final Map<Integer, Integer> isolated = new ConcurrentHashMap<>();
    /** Segments whose batch parked events: the next batch first makes Axon look at the queue afresh. */
    private final Set<Integer> parkedSinceLastBatch = ConcurrentHashMap.newKeySet();

    public ParkAlone(String processingGroup, Parking parking, PlatformTransactionManager transactions) {
        this.segmentKey = FailTheBatch.segmentKey(processingGroup);
        this.parking = parking;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            return applyAlone(chain);
        }
        Integer segment = unitOfWork.getResource(segmentKey);
        if (segment == null) {
            return chain.proceed();
        }
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            if (parkedSinceLastBatch.remove(segment)) {
                parking.forgetCachedSequences(segment);
            }
            Batch started = new Batch(isolated.containsKey(segment));
            unitOfWork.onRollback(u -> isolated.merge(segment, started.seen, Math::max));
            return started;
        });
        batch.seen++;
        if (!batch.isolating) {
            return chain.proceed();
        }
        isolated.computeIfPresent(segment, (k, left) -> left > 1 ? left - 1 : null);
        EventMessage<?> event = unitOfWork.getMessage();
        Object sequence = parking.sequenceOf(event);
        if (batch.parked.contains(sequence)) {
            // behind an event of its sequence parked earlier in this batch, not yet committed for others to see
            parking.park(sequence, event, null);
            return null;
        }
        try {
            return applyAlone(chain);
        } catch (Exception failure) {
            if (Passing.isPassing(failure)) {
                // the database was away or busy, not the event at fault: the batch is tried again later
                throw failure;
            }
            parking.park(sequence, event, failure);
            parkedSinceLastBatch.add(segment);
            batch.parked.add(sequence);
            return null;
        }
    }

    private Object applyAlone(InterceptorChain chain) throws Exception {
        try {
            return alone.execute(status -> {
                try {
                    return chain.proceed();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlingFailed(e);
                }
            });
        } catch (HandlingFailed wrapped) {
            throw (Exception) wrapped.getCause();
        }
    }

    /** A batch that starts while its segment is isolated is applied one event at a time to its end. */
    private static final class Batch {
        final boolean isolating;
        final Set<Object> parked = new HashSet<>();
        int seen;

        Batch(boolean isolating) {
            this.isolating = isolating;
        }
    }

    private static final class HandlingFailed extends RuntimeException {
        HandlingFailed(Exception cause) {
            super(cause);
        }
    }
}
