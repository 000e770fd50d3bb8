package heard.query.followup;

import heard.events.FollowUpChannel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an administrator sees of the outbox: for each channel whether anything is configured to send through
 * and how many messages wait, the count of each status, and the latest failures with their cause, the address
 * masked.
 */
public record OutboxView(List<ChannelState> channels, Map<OutboxStatus, Long> counts, List<Failure> failures) {
    public record ChannelState(FollowUpChannel channel, boolean configured, long waiting) {
    }

    public record Failure(String id, FollowUpChannel channel, MessageKind kind, int attempts, String cause,
            Instant at, String address) {
    }
}
