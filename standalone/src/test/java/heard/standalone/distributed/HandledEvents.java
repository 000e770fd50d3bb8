package heard.standalone.distributed;

import heard.events.FeedbackSubmitted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, Instant> firstHandled = new ConcurrentHashMap<>();

    @EventHandler
    void on(FeedbackSubmitted submitted, EventMessage<?> message) {
        submissions.add(message.getIdentifier());
        firstHandled.putIfAbsent(submitted.feedbackId(), Instant.now());
    }

    /** When this side first handled the submission of the feedback, if it did. */
    Optional<Instant> handledAt(String feedbackId) {
        return Optional.ofNullable(firstHandled.get(feedbackId));
    }

    List<String> submissions() {
        return submissions;
    }
}
