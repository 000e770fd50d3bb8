package heard.wiring.commits;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Marks the transactions whose commits may reach the H2 file with its next write rather than at once: the read
 * models', which the standalone app rebuilds from the events after an unclean stop anyway. Every other commit
 * that wrote is stored before it returns ({@link StoreAtCommit}).
 */
public final class StoredLater {
    private static final ThreadLocal<int[]> OPEN = ThreadLocal.withInitial(() -> new int[1]);

    private StoredLater() {
    }

    /** Whether the current thread is inside a transaction started by {@link #transactions}. */
    public static boolean applies() {
        return OPEN.get()[0] > 0;
    }

    /** Axon's transactions from {@code transactions}, each marked while it is open. */
    public static TransactionManager transactions(TransactionManager transactions) {
        return () -> {
            int[] open = OPEN.get();
            open[0]++;
            Transaction transaction;
            try {
                transaction = transactions.startTransaction();
            } catch (RuntimeException e) {
                open[0]--;
                throw e;
            }
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        transaction.commit();
                    } finally {
                        open[0]--;
                    }
                }

                @Override
                public void rollback() {
                    try {
                        transaction.rollback();
                    } finally {
                        open[0]--;
                    }
                }
            };
        };
    }
}
