package heard.query.source;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

/**
 * The records a processor's consumer fetched, handed on in the order they were fetched. Each record carries
 * the position the consumer had reached in every partition when it was fetched, and a processor skips a record
 * whose position it has already passed. The framework's buffer hands them on sorted by their time instead:
 * when one fetch brings records of several partitions, a record of one partition fetched later but written
 * earlier went first, and its position, which includes the records fetched before it, made the processor
 * skip those. Within a partition, the fetch order is the order they were written, so everything of one
 * initiative (its key) still arrives in order. Once records are in, {@code whenFetched} is told, so that the
 * processor reading them is woken.
 */
final class FetchOrderBuffer implements Buffer<KafkaEventMessage> {
    private final ArrayDeque<KafkaEventMessage> records = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final int capacity;
    private final Runnable whenFetched;
    private RuntimeException failure;

    FetchOrderBuffer(int capacity, Runnable whenFetched) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a buffer holds at least one record, not " + capacity);
        }
        this.capacity = capacity;
        this.whenFetched = whenFetched;
    }

    @Override
    public void put(KafkaEventMessage record) throws InterruptedException {
        putAll(List.of(record));
    }

    @Override
    public void putAll(Collection<KafkaEventMessage> fetched) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            for (KafkaEventMessage record : fetched) {
                while (records.size() == capacity) {
                    notFull.await();
                }
                records.addLast(record);
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
        if (!fetched.isEmpty()) {
            whenFetched.run();
        }
    }

    @Override
    public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (records.isEmpty()) {
                throwIfFailed();
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public KafkaEventMessage take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (records.isEmpty()) {
                throwIfFailed();
                notEmpty.await();
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public KafkaEventMessage peek() {
        lock.lock();
        try {
            if (records.isEmpty()) {
                throwIfFailed();
            }
            return records.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return records.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public int remainingCapacity() {
        return capacity - size();
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            records.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The consumer failed: whoever waits for a record, or asks for one once the buffer is empty, is told. */
    @Override
    public void setException(RuntimeException exception) {
        lock.lock();
        try {
            failure = exception;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private KafkaEventMessage removeFirst() {
        KafkaEventMessage record = records.removeFirst();
        notFull.signal();
        return record;
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }
}
