package heard.query.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a projection's writes to its shadow schema while it is rebuilt: once per transaction that
 * applies its events (a batch's, or one event's applied alone), before anything is written.
 */
public record IntoShadow(String projection, Rebuilds rebuilds) implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (TransactionSynchronizationManager.isSynchronizationActive() && !entered()) {
            TransactionSynchronizationManager.registerSynchronization(new Entered(projection));
            rebuilds.enterIfRebuilding(projection);
        }
        return chain.proceed();
    }

    private boolean entered() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(synchronization -> synchronization instanceof Entered entered
                        && entered.projection.equals(projection));
    }

    /** Marks a transaction this projection has looked at; a new transaction has none. */
    private record Entered(String projection) implements TransactionSynchronization {
    }
}
