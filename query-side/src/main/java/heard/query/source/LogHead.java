package heard.query.source;

import java.util.OptionalLong;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The position of the newest event the projections can read, to tell how far behind they are. Known
 * when they read the event store; from Kafka it is not asked for (it would take a consumer of its own).
 */
@Component
public class LogHead {
    private final boolean fromEventStore;
    private final ObjectProvider<EventStore> store;

    LogHead(@Value("${" + SourceSetting.PROPERTY + ":" + SourceSetting.EVENT_STORE + "}") String source,
            ObjectProvider<EventStore> store) {
        this.fromEventStore = SourceSetting.EVENT_STORE.equals(source);
        this.store = store;
    }

    public OptionalLong position() {
        EventStore events = fromEventStore ? store.getIfAvailable() : null;
        if (events == null) {
            return OptionalLong.empty();
        }
        var head = events.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }
}
