package heard.query.admin;

import heard.query.config.Projections;
import heard.query.rebuild.Rebuilds;
import heard.query.source.LogHead;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where each projection stands, for an administrator: its position in the log, how far behind it is,
 * which instance holds each of its segments, and while it rebuilds, how much is done, how fast it goes
 * and about how long is left. The speed is measured between two looks at least a second apart, so it
 * shows from the second look on.
 */
@RestController
public class ProjectionStatus {
    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final LogHead head;
    private final Map<String, Sample> lastLook = new ConcurrentHashMap<>();

    private final Rebuilds rebuilds;
    private final JdbcClient db;

    ProjectionStatus(EventProcessingConfiguration processing, Projections projections, LogHead head,
                     Rebuilds rebuilds, DataSource dataSource) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.projections = projections;
        this.head = head;
        this.db = JdbcClient.create(dataSource);
    }

    private record Sample(Instant at, long position, Double eventsPerSecond) {
    }

    @Operation(summary = "Where each read model stands: position, events behind, rebuild progress, parked events")
    @GetMapping("/api/admin/projections")
    @PreAuthorize("hasRole('ADMIN')")
    public List<ProjectionProgress> list() {
        OptionalLong logHead = head.position();
        return projections.names().stream()
                .flatMap(name -> processing.eventProcessor(name, StreamingEventProcessor.class).stream()
                        .map(processor -> progress(name, processor, logHead)))
                .toList();
    }

    private ProjectionProgress progress(String name, StreamingEventProcessor processor, OptionalLong logHead) {
        var statuses = processor.processingStatus().values();
        Long position = ProjectionProgress.position(statuses);
        Double rate = position == null ? null : rate(name, position);
        long parked = processing.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
        return ProjectionProgress.of(name, processor.isRunning(), rebuilds.rebuilding(name), statuses, logHead, rate,
                parked).withClaims(claims(name));
    }

    private List<ProjectionProgress.Claim> claims(String name) {
        return db.sql("select segment, owner from token_entry where processor_name = ? order by segment")
                .param(name)
                .query((row, i) -> new ProjectionProgress.Claim(row.getInt(1), row.getString(2))).list();
    }

    private Double rate(String name, long position) {
        Instant now = Instant.now();
        Sample sample = lastLook.compute(name, (key, last) -> {
            if (last == null) {
                return new Sample(now, position, null);
            }
            Duration between = Duration.between(last.at(), now);
            if (between.toMillis() < 1000) {
                return last;
            }
            double perSecond = Math.max(0, position - last.position()) * 1000.0 / between.toMillis();
            return new Sample(now, position, perSecond);
        });
        return sample.eventsPerSecond();
    }
}
