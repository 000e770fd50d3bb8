package heard.query.rebuild;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a rebuilt projection's tables over to the readers once every segment has replayed the log: in
 * one transaction the live rows are replaced by the shadow copies' and the rebuild ends, so a reader
 * sees the old figures up to that commit and the new ones after it. Looks twice a second; an instance
 * started after a crash finishes what an earlier one began.
 */
@Component
class Takeover implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Takeover.class);
    private static final long EVERY_MS = 500;
    private final Rebuilds rebuilds;
    private final RebuildTokens tokens;
    private final ShadowSchema shadow;
    private final JdbcTemplate db;
    private final TransactionTemplate transaction;
    private ScheduledExecutorService timer;

    Takeover(Rebuilds rebuilds, RebuildTokens tokens, ShadowSchema shadow, JdbcTemplate db,
             PlatformTransactionManager transactions) {
        this.rebuilds = rebuilds;
        this.tokens = tokens;
        this.shadow = shadow;
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
    }

    void takeOverWhatIsReplayed() {
        rebuilds.whileNoneStarts(() -> {
            for (String projection : rebuilds.inProgress()) {
                if (tokens.replayed(projection)
                        && Boolean.TRUE.equals(transaction.execute(status -> swap(projection)))) {
                    shadow.drop(projection);
                    log.info("The rebuilt {} read model now answers", projection);
                }
            }
        });
    }

    private boolean swap(String projection) {
        if (!rebuilds.holdForTakeover(projection)) {
            return false;
        }
        String live = ShadowSchema.quoted(shadow.live());
        String copy = ShadowSchema.quoted(ShadowSchema.nameOf(projection));
        for (String table : ReadModelTables.of(projection)) {
            db.update("delete from " + live + "." + table);
            db.update("insert into " + live + "." + table + " select * from " + copy + "." + table);
        }
        String applied = ReadModelTables.APPLIED;
        db.update("delete from " + live + "." + applied + " where processing_group = ?", projection);
        db.update("insert into " + live + "." + applied + " select * from " + copy + "." + applied
                + " where processing_group = ?", projection);
        rebuilds.end(projection);
        return true;
    }

    private void takeOverSafely() {
        try {
            takeOverWhatIsReplayed();
        } catch (RuntimeException e) {
            log.warn("Could not hand a rebuilt read model over yet; trying again shortly: {}", e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-takeover");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::takeOverSafely, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
