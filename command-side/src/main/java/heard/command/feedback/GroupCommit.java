package heard.command.feedback;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions that arrive together are written in one transaction and share its commit. Each commit
 * writes the store's changed pages to its file before it is answered (on H2, heard.store.read-models-stored-later),
 * and on a busy night that write was the largest single cost of a submission. Nothing is answered
 * before the commit that holds it, so an acknowledged submission is as durable as before. Should one
 * of them fail (a rule it breaks, a key another request took), the shared transaction is rolled back
 * and each is written again alone, so one participant's mistake never costs another their submission.
 * A submission that finds no other waiting is written at once, alone.
 * {@code heard.submissions.group-commit} is the most that share one commit. It is 1 unless set: each
 * submission is then written alone on its own request's thread. The standalone app sets 32: on H2 the
 * commit's write was the cost to share. On PostgreSQL one writer thread waits on each statement's
 * round trip in turn, and sharing gave fewer writes, not more (docs/performance.md).
 */
@Component
public class GroupCommit {
    private record Pending(Supplier<?> work, CompletableFuture<Object> answer) {
    }

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final TransactionTemplate transaction;
    private final int largest;
    private final Thread writer;
    private volatile boolean open = true;

    public GroupCommit(TransactionTemplate transaction, @Value("${heard.submissions.group-commit:1}") int largest) {
        this.transaction = transaction;
        this.largest = largest;
        this.writer = new Thread(this::write, "submission-writer");
        this.writer.setDaemon(true);
        if (largest > 1) {
            this.writer.start();
        }
    }

    /** Runs {@code work} in a transaction, perhaps shared with others, and answers once that has committed. */
    @SuppressWarnings("unchecked")
    public <T> T write(Supplier<T> work) {
        if (largest <= 1) {
            return transaction.execute(status -> work.get());
        }
        CompletableFuture<Object> answer = new CompletableFuture<>();
        if (!open) {
            throw stopped();
        }
        waiting.add(new Pending(work, answer));
        try {
            return (T) answer.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the submission was not written in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the submission was written", e);
        }
    }

    private void write() {
        while (open) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, largest - 1);
                if (batch.size() == 1 || !together(batch)) {
                    batch.forEach(this::alone);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error unexpected) {
                batch.forEach(p -> p.answer().completeExceptionally(unexpected));
            }
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.answer().completeExceptionally(stopped()));
    }

    /** True when every submission of the batch was written in one committed transaction, and answered. */
    private boolean together(List<Pending> batch) {
        List<Object> results;
        try {
            results = transaction.execute(status -> {
                List<Object> done = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    done.add(pending.work().get());
                }
                return done;
            });
        } catch (RuntimeException oneFailed) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(results.get(i));
        }
        return true;
    }

    private void alone(Pending pending) {
        try {
            pending.answer().complete(transaction.execute(status -> pending.work().get()));
        } catch (RuntimeException | Error failure) {
            pending.answer().completeExceptionally(failure);
        }
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("Heard is stopping; the submission was not written");
    }

    /** Not interrupted: a thread interrupted while it writes the H2 file closes that file. */
    @PreDestroy
    void stop() throws InterruptedException {
        open = false;
        if (writer.isAlive()) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
