package heard.query.admin;

import heard.query.applied.AppliedEvents;
import heard.query.config.Projections;
import heard.query.web.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds one read model from the whole event history, for an administrator who changed how a
 * projection reads events or suspects its tables. Only the query side's projections may be
 * replayed: processes that send commands (in the standalone app, the write side's) are not.
 */
@RestController
class ProjectionReplay {
    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final AppliedEvents applied;

    ProjectionReplay(EventProcessingConfiguration processing, Projections projections, AppliedEvents applied) {
        this.processing = processing;
        this.projections = projections;
        this.applied = applied;
    }

    record Replaying(String projection, boolean replaying) {
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replaying replay(@PathVariable String name) {
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
        return new Replaying(name, true);
    }
}
