package heard.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.serialization.Serializer;

/**
 * The framework's publisher, except that a batch's events are all handed to the producer first and their
 * acknowledgements awaited together, as the batch's unit of work prepares to commit (so before its token is
 * stored, and a refused or late one rolls the batch back to be sent again). The framework waits for each
 * event's acknowledgement before it sends the next: one record per request to the broker, and the publisher
 * capped at one broker round trip per event (about 50 events a second on a busy machine).
 */
final class AcknowledgedPerBatch extends KafkaPublisher<String, byte[]> {
    private static final String PENDING = AcknowledgedPerBatch.class.getName() + ".pending";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final Duration ackTimeout;

    /** One record handed to the producer, and its monitor's callback. */
    private record Sent(Future<RecordMetadata> acknowledgement, MonitorCallback monitored) {
    }

    AcknowledgedPerBatch(Serializer serializer, ProducerFactory<String, byte[]> producers,
                         KafkaMessageConverter<String, byte[]> converter, TopicResolver topics,
                         MessageMonitor<? super EventMessage<?>> monitor, Duration ackTimeout) {
        super(KafkaPublisher.<String, byte[]>builder().serializer(serializer).producerFactory(producers)
                .messageConverter(converter).messageMonitor(monitor).topicResolver(topics)
                .publisherAckTimeout(ackTimeout.toMillis()));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        if (!producers.confirmationMode().isWaitForAck()) {
            super.send(event);
            return;
        }
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        MonitorCallback monitored = monitor.onMessageIngested(event);
        Future<RecordMetadata> acknowledgement = producers.createProducer()
                .send(converter.createKafkaMessage(event, topic.get()));
        pendingIn(CurrentUnitOfWork.get().root()).add(new Sent(acknowledgement, monitored));
    }

    private List<Sent> pendingIn(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> {
            List<Sent> pending = new ArrayList<>();
            batch.onPrepareCommit(unit -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<Sent> pending) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Sent sent : pending) {
            try {
                sent.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.monitored().reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused(sent, e);
            } catch (ExecutionException | TimeoutException e) {
                throw refused(sent, e);
            }
        }
    }

    private static EventPublicationFailedException refused(Sent sent, Exception cause) {
        sent.monitored().reportFailure(cause);
        return new EventPublicationFailedException("The broker did not acknowledge an event of the batch", cause);
    }
}
