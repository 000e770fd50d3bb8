package heard.query.admin;

import heard.query.applied.AppliedEvents;
import heard.query.config.Projections;
import heard.query.web.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one read model from the whole event history. Only the query side's projections may be
 * rebuilt: processes that send commands (in the standalone app, the write side's) are not.
 */
@Component
public class ProjectionRebuild {
    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final AppliedEvents applied;

    ProjectionRebuild(EventProcessingConfiguration processing, Projections projections, AppliedEvents applied) {
        this.processing = processing;
        this.projections = projections;
        this.applied = applied;
    }

    /** Starts the rebuild and returns; the projection then applies the history from its first event. */
    public void rebuild(String name) {
        if (!projections.names().contains(name)) {
            throw new NotFound("projection", name);
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection", name));
        processor.shutDown();
        // Forgotten before the reset, not after: a crash in between must not leave a replay that skips everything.
        applied.forget(name);
        // clears the projection's tables (its @ResetHandler) and moves its tokens back to the start
        processor.resetTokens();
        processor.start();
    }
}
