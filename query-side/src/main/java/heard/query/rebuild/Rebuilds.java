package heard.query.rebuild;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which projections are being rebuilt beside their live tables. A projection's events go to its shadow
 * schema while its row is here. A transaction applying its events holds the row (shared on PostgreSQL,
 * where several segments may apply at once), so that the takeover, which takes it exclusively, never
 * copies the shadow tables while a batch is still writing to them.
 */
@Component
public class Rebuilds {
    private final JdbcTemplate db;
    private final ShadowSchema shadow;
    private final String applyingLock;

    private final TransactionTemplate transaction;

    Rebuilds(JdbcTemplate db, ShadowSchema shadow, PlatformTransactionManager transactions) {
        this.db = db;
        this.shadow = shadow;
        this.transaction = new TransactionTemplate(transactions);
        this.applyingLock = shadow.vendor() == DatabaseDriver.POSTGRESQL ? " for share" : " for update";
    }

    /**
     * Makes the projection's shadow tables afresh, then, in one transaction, marks it as rebuilding and
     * runs {@code reset} (which moves its tokens back to the start) into the shadow schema: a crash
     * leaves either the live projection as it was or a rebuild that goes on when the app is back. A takeover
     * does not run meanwhile in this instance (see {@link #whileNoneStarts}): one of an earlier rebuild of the
     * same projection would copy the fresh, empty tables and then drop the schema just made.
     */
    public synchronized void start(String projection, Runnable reset) {
        try {
            shadow.create(projection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the rebuild tables of " + projection, e);
        }
        transaction.executeWithoutResult(status -> {
            db.update("delete from projection_rebuild where projection = ?", projection);
            db.update("insert into projection_rebuild (projection, started_at) values (?, ?)", projection,
                    Timestamp.from(Instant.now()));
            shadow.enter(projection);
            reset.run();
        });
    }

    /** Runs a takeover while no rebuild starts in this instance. */
    synchronized void whileNoneStarts(Runnable takeover) {
        takeover.run();
    }

    /**
     * For a transaction about to apply the projection's events: into the shadow schema while it rebuilds. Nearly
     * every batch finds no rebuild, and a lock on a row that is not there holds nothing: the plain look-up answers
     * them, and only a rebuild's batches take the lock (H2 parses a locking select afresh each time).
     */
    public void enterIfRebuilding(String projection) {
        if (rebuilding(projection) && !db.queryForList(
                "select projection from projection_rebuild where projection = ?" + applyingLock,
                String.class, projection).isEmpty()) {
            shadow.enter(projection);
        }
    }

    public boolean rebuilding(String projection) {
        return !db.queryForList("select projection from projection_rebuild where projection = ?", String.class,
                projection).isEmpty();
    }

    List<String> inProgress() {
        return db.queryForList("select projection from projection_rebuild order by projection", String.class);
    }

    /** In the current transaction: waits for batches still applying, then true if the rebuild is still on. */
    boolean holdForTakeover(String projection) {
        return !db.queryForList("select projection from projection_rebuild where projection = ? for update",
                String.class, projection).isEmpty();
    }

    void end(String projection) {
        db.update("delete from projection_rebuild where projection = ?", projection);
    }
}
