package heard.query.parking;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parks one event of a projection in its dead-letter queue, under the sequence Axon would give it. */
public final class Parking {
    private static final Logger log = LoggerFactory.getLogger(Parking.class);
    private final String processingGroup;
    private final EventProcessingConfiguration processing;

    public Parking(String processingGroup, EventProcessingConfiguration processing) {
        this.processingGroup = processingGroup;
        this.processing = processing;
    }

    Object sequenceOf(EventMessage<?> event) {
        Object sequence = processing.sequencingPolicy(processingGroup).getSequenceIdentifierFor(event);
        return Objects.requireNonNullElse(sequence, event.getIdentifier());
    }

    /** Parks the event with its cause (none when it only waits behind another); in the caller's transaction. */
    void park(Object sequence, EventMessage<?> event, Throwable failure) {
        Throwable cause = failure instanceof UnstoredEvent unstored ? unstored.getCause() : failure;
        Instant now = Instant.now();
        processing.deadLetterQueue(processingGroup).orElseThrow().enqueue(sequence, new GenericDeadLetter<>(sequence,
                event, cause == null ? null : FailTheBatch.storable(cause), now, now, MetaData.emptyInstance()));
        if (cause != null) {
            // the type only: a database's message may quote what a participant wrote
            log.warn("Projection {} parked event {} ({}), which it could not store: {}", processingGroup,
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), cause.getClass().getName());
        }
    }

    /**
     * Axon's dead-lettering invoker remembers, per segment, which sequences it has parked, and whether
     * its queue was empty; it did not park these, so once they are committed it must look again. Called
     * as the segment's next batch starts: forgotten any earlier, the invoker could remember anew before
     * the letters were committed.
     */
    void forgetCachedSequences(int segmentId) {
        processing.eventProcessor(processingGroup, StreamingEventProcessor.class).ifPresent(processor -> {
            var status = processor.processingStatus().get(segmentId);
            if (status != null && processor instanceof AbstractEventProcessor abstractProcessor) {
                released(abstractProcessor.eventHandlerInvoker(), status.getSegment());
            }
        });
    }

    private static void released(EventHandlerInvoker invoker, Segment segment) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> released(delegate, segment));
        } else {
            invoker.segmentReleased(segment);
        }
    }
}
