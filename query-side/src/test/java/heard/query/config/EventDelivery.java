package heard.query.config;

import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestComponent;

/**
 * Delivers one event to a projection as Axon would: the handler's changes are written, and the
 * next handler starts from what the database holds, not from objects still in memory.
 */
@TestComponent
public class EventDelivery {
    private final TestEntityManager entities;

    EventDelivery(TestEntityManager entities) {
        this.entities = entities;
    }

    public void deliver(Runnable handler) {
        handler.run();
        entities.flush();
        entities.clear();
    }
}
