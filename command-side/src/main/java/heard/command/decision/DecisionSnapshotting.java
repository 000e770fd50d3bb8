package heard.command.decision;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A decision's stream grows with every revision and link: load it from a snapshot every 10 events. */
@Configuration(proxyBeanMethods = false)
class DecisionSnapshotting {
    static final int EVENTS_BETWEEN_SNAPSHOTS = 10;

    @Bean
    SnapshotTriggerDefinition decisionSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
