package heard.events.topic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Kafka topic both sides meet on, created by whichever side starts first, with
 * {@code heard.events.topic-partitions} partitions (4). Records are keyed by initiative, so that
 * everything of one initiative is in one partition, in the order the event store committed it (its
 * launch before its first feedback); a topic of one partition keeps every event in that order. Kept
 * forever and never compacted: a new reader, or a replayed projection, rebuilds from the whole history.
 * An existing topic is left as it is.
 */
public record EventsTopic(String name, int partitions) {
    /** The setting of the partition count, with its default, for both sides. */
    public static final String PARTITIONS = "${heard.events.topic-partitions:4}";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Creates the topic unless it exists; fails when the broker cannot be reached in time. */
    public void ensureExists(Map<String, Object> clientSettings) {
        Map<String, Object> admin = clientSettings.entrySet().stream()
                .filter(e -> AdminClientConfig.configNames().contains(e.getKey()) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        try (Admin client = Admin.create(admin)) {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
            client.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the Kafka topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("No Kafka broker answered within " + TIMEOUT + " to create " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
