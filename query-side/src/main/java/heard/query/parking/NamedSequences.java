package heard.query.parking;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Gives the dead-letter queue each sequence by its name ({@code toString()}). Axon's JPA queue keeps a
 * sequence that is not a string by its hash code, which would lump together sequences that only share
 * a segment, such as the events of one initiative (see {@code InitiativeSequence}).
 */
public final class NamedSequences implements SequencedDeadLetterQueue<EventMessage<?>> {
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;

    public NamedSequences(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
    }

    private static String name(Object sequence) {
        return sequence.toString();
    }

    @Override
    public void enqueue(Object sequence, DeadLetter<? extends EventMessage<?>> letter) {
        queue.enqueue(name(sequence), letter);
    }

    @Override
    public boolean enqueueIfPresent(Object sequence,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        return queue.enqueueIfPresent(name(sequence), letterBuilder);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> update) {
        queue.requeue(letter, update);
    }

    @Override
    public boolean contains(Object sequence) {
        return queue.contains(name(sequence));
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequence) {
        return queue.deadLetterSequence(name(sequence));
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequence) {
        return queue.isFull(name(sequence));
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequence) {
        return queue.sequenceSize(name(sequence));
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return queue.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
