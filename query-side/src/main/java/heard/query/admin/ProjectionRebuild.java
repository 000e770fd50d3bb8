package heard.query.admin;

import heard.query.config.Projections;
import heard.query.rebuild.Rebuilds;
import heard.query.web.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one read model from the whole event history, beside the live one, which keeps answering
 * until the rebuilt one takes over. Only the query side's projections may be rebuilt: processes that
 * send commands (in the standalone app, the write side's) are not. The rebuild moves every segment's token back
 * to the start, so it is refused while another query side holds one of them.
 */
@Component
public class ProjectionRebuild {
    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final Rebuilds rebuilds;

    ProjectionRebuild(EventProcessingConfiguration processing, Projections projections, Rebuilds rebuilds) {
        this.processing = processing;
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    /** Starts the rebuild and returns; the projection then applies the history from its first event. */
    public void rebuild(String name) {
        if (!projections.names().contains(name)) {
            throw new NotFound("projection", name);
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection", name));
        processor.shutDown();
        try {
            rebuilds.start(name, processor::resetTokens);
        } catch (UnableToClaimTokenException heldElsewhere) {
            throw new SegmentsHeldElsewhere(name, heldElsewhere);
        } finally {
            processor.start();
        }
    }
}
