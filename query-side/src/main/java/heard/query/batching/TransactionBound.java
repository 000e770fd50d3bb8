package heard.query.batching;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection's changes gathered in memory for the whole of the current Spring transaction and written
 * once, just before it commits (or when the transaction is flushed), so that a batch of events costs a few
 * set-based statements rather than several per event. A failed write fails the commit, and with it the
 * transaction: the events of the batch are then applied again, each in a transaction of its own, each with
 * a buffer of its own (a transaction started inside another, as when a batch is split, suspends the outer
 * one's buffer). Without a transaction, each change is written at once.
 *
 * @param <T> what a transaction's changes are gathered in
 */
public final class TransactionBound<T> {
    private final Supplier<T> fresh;
    private final Consumer<T> write;

    /**
     * @param fresh an empty buffer
     * @param write writes a buffer's changes with the current transaction; called once per buffer
     */
    public TransactionBound(Supplier<T> fresh, Consumer<T> write) {
        this.fresh = fresh;
        this.write = write;
    }

    /** Adds a change to the current transaction's buffer. */
    public void change(Consumer<T> change) {
        changed(buffer -> {
            change.accept(buffer);
            return null;
        });
    }

    /** Adds a change to the current transaction's buffer, and gives what the change answered. */
    public <R> R changed(Function<T, R> change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            T alone = fresh.get();
            R answer = change.apply(alone);
            write.accept(alone);
            return answer;
        }
        Holder holder = (Holder) TransactionSynchronizationManager.getResource(this);
        if (holder == null) {
            holder = new Holder();
            TransactionSynchronizationManager.bindResource(this, holder);
            TransactionSynchronizationManager.registerSynchronization(holder);
        }
        return change.apply(holder.buffer);
    }

    /** Forgets the changes the current transaction has gathered and not yet written. */
    public void discard() {
        Holder holder = (Holder) TransactionSynchronizationManager.getResource(this);
        if (holder != null) {
            holder.buffer = fresh.get();
        }
    }

    /** One transaction's buffer, bound to the thread while its transaction is the current one. */
    private final class Holder implements TransactionSynchronization {
        private T buffer = fresh.get();

        @Override
        public void flush() {
            T written = buffer;
            buffer = fresh.get();
            write.accept(written);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(TransactionBound.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionBound.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBound.this);
        }
    }
}
