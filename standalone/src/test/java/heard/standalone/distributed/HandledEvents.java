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
    /** Per initiative, the submissions handled: a test's own, apart from redeliveries of earlier tests'. */
    private final Map<String, List<String>> submissions = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstHandled = new ConcurrentHashMap<>();

    @EventHandler
    void on(FeedbackSubmitted submitted, EventMessage<?> message) {
        submissions.computeIfAbsent(submitted.initiativeId(), initiative -> new CopyOnWriteArrayList<>())
                .add(message.getIdentifier());
        firstHandled.putIfAbsent(submitted.feedbackId(), Instant.now());
    }

    /** When this side first handled the submission of the feedback, if it did. */
    Optional<Instant> handledAt(String feedbackId) {
        return Optional.ofNullable(firstHandled.get(feedbackId));
    }

    List<String> submissions(String initiativeId) {
        return submissions.getOrDefault(initiativeId, List.of());
    }
}
