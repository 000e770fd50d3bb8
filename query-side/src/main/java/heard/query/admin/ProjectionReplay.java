package heard.query.admin;

import heard.query.web.NotFound;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
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
    private final ApplicationContext context;

    ProjectionReplay(EventProcessingConfiguration processing, ApplicationContext context) {
        this.processing = processing;
        this.context = context;
    }

    record Replaying(String projection, boolean replaying) {
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replaying replay(@PathVariable String name) {
        if (!projections().contains(name)) {
            throw new NotFound("projection", name);
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("projection", name));
        processor.shutDown();
        // clears the projection's tables (its @ResetHandler) and moves its tokens back to the start
        processor.resetTokens();
        processor.start();
        return new Replaying(name, true);
    }

    /** The processing groups of the query side's projections. */
    Set<String> projections() {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, Object> bean : context.getBeansWithAnnotation(ProcessingGroup.class).entrySet()) {
            Class<?> type = AopUtils.getTargetClass(bean.getValue());
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null && type.getPackageName().startsWith("heard.query.")) {
                names.add(group.value());
            }
        }
        return names;
    }
}
