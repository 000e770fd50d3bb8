package heard.standalone.distributed;

import heard.events.FeedbackSubmitted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Added to a query side under test: a handler beside the inbox's own, in its processing group, so it
 * sees exactly what the inbox's handlers see (after every interceptor).
 */
@ProcessingGroup("inbox")
class HandledEvents {
    private final List<String> submissions = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(FeedbackSubmitted submitted, EventMessage<?> message) {
        submissions.add(message.getIdentifier());
    }

    List<String> submissions() {
        return submissions;
    }
}
