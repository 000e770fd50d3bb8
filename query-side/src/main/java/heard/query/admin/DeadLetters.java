package heard.query.admin;

import heard.query.config.Projections;
import heard.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events each projection could not handle, for an administrator: what failed and why (never
 * the event's content, which may hold what a participant wrote), and a retry once the cause is fixed.
 */
@RestController
class DeadLetters {
    private static final int CAUSE_LENGTH = 300;
    private final EventProcessingConfiguration processing;
    private final Projections projections;

    DeadLetters(EventProcessingConfiguration processing, Projections projections) {
        this.processing = processing;
        this.projections = projections;
    }

    record Letter(String projection, String eventId, String eventType, String aggregateId, Instant enqueuedAt,
            Instant lastTouched, String causeType, String causeMessage) {
    }

    record Retried(String projection, int retried, long remaining) {
    }

    @Operation(summary = "Events a read model could not store: what and why, never their content")
    @GetMapping("/api/admin/dead-letters")
    @PreAuthorize("hasRole('ADMIN')")
    List<Letter> list() {
        List<Letter> letters = new ArrayList<>();
        for (String projection : projections.names()) {
            processing.deadLetterQueue(projection).ifPresent(queue -> queue.deadLetters().forEach(sequence ->
                    sequence.forEach(letter -> letters.add(letter(projection, letter)))));
        }
        return letters;
    }

    @Operation(summary = "Retry a read model's parked events")
    @PostMapping("/api/admin/dead-letters/{projection}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    Retried retry(@PathVariable String projection) {
        if (!projections.names().contains(projection)) {
            throw new NotFound("projection", projection);
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(projection)
                .orElseThrow(() -> new NotFound("projection", projection));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new NotFound("projection", projection));
        long sequences = queue.amountOfSequences();
        int retried = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor.processAny()) {
                retried++;
            }
        }
        return new Retried(projection, retried, queue.size());
    }

    private static Letter letter(String projection, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return new Letter(projection, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateId,
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> shortened(cause.message())).orElse(null));
    }

    private static String shortened(String message) {
        return message == null || message.length() <= CAUSE_LENGTH ? message : message.substring(0, CAUSE_LENGTH) + "…";
    }
}
