package heard.query.config;

import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * Delivers one event to a projection as Axon would: the handler's changes are written (changes a projection
 * holds for the transaction's commit are flushed, as are the entity manager's), and the next handler starts
 * from what the database holds, not from objects still in memory.
 */
@TestComponent
public class EventDelivery {
    private final TestEntityManager entities;

    EventDelivery(TestEntityManager entities) {
        this.entities = entities;
    }

    public void deliver(Runnable handler) {
        handler.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.triggerFlush();
        }
        entities.flush();
        entities.clear();
    }
}
