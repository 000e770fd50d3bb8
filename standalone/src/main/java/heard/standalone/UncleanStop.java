package heard.standalone;

import heard.query.admin.ProjectionRebuild;
import heard.query.config.Projections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A run leaves {@code heard.running} in the data directory until it has stopped cleanly. Finding it
 * at start means the last run was killed or lost its power while it may have been writing. H2 does not
 * store a commit's tables at one instant (h2database/h2database#2080): a kill at the wrong moment can
 * leave part of a transaction that was committing, so a read model may miss rows although its position
 * in the events is past them. The events are the record; every read model is then rebuilt from them
 * ({@code heard.projections.rebuild-after-unclean-stop}, on unless set false). Until a rebuild is
 * done, a receipt or a dashboard may show less than is stored.
 */
@Component
class UncleanStop implements SmartLifecycle, ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(UncleanStop.class);

    private final Path marker;
    private final boolean rebuild;
    private final Projections projections;
    private final ProjectionRebuild rebuilds;
    private volatile boolean running;
    private boolean leftByLastRun;

    UncleanStop(@Value("${heard.data-dir}") Path dataDir,
                @Value("${heard.projections.rebuild-after-unclean-stop:true}") boolean rebuild,
                Projections projections, ProjectionRebuild rebuilds) {
        this.marker = dataDir.resolve("heard.running");
        this.rebuild = rebuild;
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    /** Before anything else starts writing: the processors, the scheduler, the web server. */
    @Override
    public void start() {
        try {
            leftByLastRun = Files.exists(marker);
            if (!leftByLastRun) {
                Files.createDirectories(marker.getParent());
                Files.createFile(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark the data directory as in use: " + marker, e);
        }
        running = true;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!leftByLastRun) {
            return;
        }
        if (!rebuild) {
            log.warn("The last run did not stop cleanly; the read models may miss what it was writing. Replay them"
                    + " (POST /api/admin/projections/{name}/replay) to be sure.");
            return;
        }
        Set<String> names = projections.names();
        log.warn("The last run did not stop cleanly; rebuilding every read model from the events: {}", names);
        names.forEach(rebuilds::rebuild);
    }

    /** After everything else has stopped writing. */
    @Override
    public void stop() {
        running = false;
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("Could not remove {}; the next start will rebuild the read models", marker, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
