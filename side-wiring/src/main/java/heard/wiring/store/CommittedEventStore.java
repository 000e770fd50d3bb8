package heard.wiring.store;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, telling its readers of new events once they are committed. Axon tells them when
 * the unit of work that stored the events ends. A command sent inside a transaction of the app's own (every
 * submission is, since submissions may share a commit) has its unit of work joined to that transaction, so the
 * readers were told before the events were committed: a reader that looked at once found nothing, and slept until
 * the store's next look, up to a second later.
 */
final class CommittedEventStore extends EmbeddedEventStore {
    CommittedEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // after completion rather than after commit: Spring calls that also for one registered while the
            // transaction's after-commit callbacks run
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        tellReaders(events);
                    }
                }
            });
        } else {
            tellReaders(events);
        }
    }

    private void tellReaders(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
