package heard.query.followup;

import heard.events.FollowUpChannel;
import heard.wiring.TimeOrderedIds;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages to send. A row is written once per participant, event and channel (a redelivered event finds
 * its row there), in the transaction of the follow-up process's token. Senders on several instances take a
 * participant's waiting rows on one channel together by marking them with a claim of their own, so each row
 * leaves from one instance; a claim left by a sender that stopped lapses and the rows are taken up again.
 */
@Component
public class Outbox {
    /** One message to send: a participant's waiting rows on one channel. */
    public record Batch(String claim, String feedbackId, FollowUpChannel channel, List<String> ids,
            List<MessageKind> kinds, int attempts) {
        /**
         * The same for the same rows, however often they are claimed: a message sent again after a crash is
         * known as the same message. Rows added since make another message, which then also tells them.
         */
        public String key() {
            return UUID.nameUUIDFromBytes(String.join(",", ids.stream().sorted().toList())
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    public record Failure(String id, String feedbackId, FollowUpChannel channel, MessageKind kind, int attempts,
            String cause, Instant at) {
    }

    private final JdbcClient db;

    Outbox(JdbcClient db) {
        this.db = db;
    }

    /** False if this event already has its row for this participant and channel. */
    boolean add(String feedbackId, FollowUpChannel channel, String eventId, MessageKind kind, Instant dueAt) {
        Instant now = Instant.now();
        return db.sql("insert into follow_up_outbox (id, feedback_id, channel, event_id, kind, status, attempts,"
                        + " next_attempt_at, created_at) select ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? where not exists"
                        + " (select 1 from follow_up_outbox where feedback_id = ? and event_id = ? and channel = ?)")
                .params(TimeOrderedIds.next(), feedbackId, channel.name(), eventId, kind.name(), at(dueAt),
                        at(now), feedbackId, eventId, channel.name())
                .update() == 1;
    }

    /** Nothing more leaves for this participant (on this channel, or on any when null). */
    void cancel(String feedbackId, FollowUpChannel channel, String why) {
        db.sql("update follow_up_outbox set status = 'CANCELLED', last_error = ?, claim = null where feedback_id = ?"
                        + " and status = 'PENDING'" + (channel == null ? "" : " and channel = ?"))
                .params(channel == null ? List.of(why, feedbackId) : List.of(why, feedbackId, channel.name()))
                .update();
    }

    /**
     * Claims up to {@code limit} participants' messages on the given channels: those with a row due, each with
     * every waiting row of theirs on that channel (so events close together leave as one message). A claim
     * holds until {@code leaseUntil}.
     */
    List<Batch> claimDue(List<FollowUpChannel> channels, int limit, Instant now, Instant leaseUntil) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> due = db.sql("select distinct feedback_id, channel from follow_up_outbox"
                        + " where status = 'PENDING' and next_attempt_at <= ? and channel in ("
                        + String.join(", ", channels.stream().map(c -> "'" + c.name() + "'").toList()) + ")")
                .param(at(now))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        List<Batch> claimed = new java.util.ArrayList<>();
        for (Map.Entry<String, String> participant : due.subList(0, Math.min(limit, due.size()))) {
            String claim = UUID.randomUUID().toString();
            int taken = db.sql("update follow_up_outbox set claim = ?, next_attempt_at = ? where feedback_id = ?"
                            + " and channel = ? and status = 'PENDING' and exists (select 1 from follow_up_outbox o"
                            + " where o.feedback_id = ? and o.channel = ? and o.status = 'PENDING'"
                            + " and o.next_attempt_at <= ?)")
                    .params(claim, at(leaseUntil), participant.getKey(), participant.getValue(), participant.getKey(),
                            participant.getValue(), at(now))
                    .update();
            if (taken > 0) {
                claimed.add(batch(claim, participant.getKey(), FollowUpChannel.valueOf(participant.getValue())));
            }
        }
        return claimed;
    }

    private Batch batch(String claim, String feedbackId, FollowUpChannel channel) {
        Map<String, MessageKind> rows = new LinkedHashMap<>();
        int[] attempts = {0};
        db.sql("select id, kind, attempts from follow_up_outbox where claim = ? and status = 'PENDING'"
                        + " order by created_at, id")
                .param(claim)
                .query(rs -> {
                    rows.put(rs.getString(1), MessageKind.valueOf(rs.getString(2)));
                    attempts[0] = Math.max(attempts[0], rs.getInt(3));
                });
        return new Batch(claim, feedbackId, channel, List.copyOf(rows.keySet()),
                rows.values().stream().distinct().toList(), attempts[0]);
    }

    void sent(Batch batch, Instant at, String gatewayId) {
        db.sql("update follow_up_outbox set status = 'SENT', sent_at = ?, last_error = null, attempts = attempts + 1,"
                        + " gateway_id = ? where claim = ? and status = 'PENDING'")
                .params(at(at), gatewayId, batch.claim())
                .update();
    }

    /** The gateway's report on a message it took: DELIVERED, or UNDELIVERED with its reason; how many rows. */
    int reported(String gatewayId, OutboxStatus status, String reason) {
        return db.sql("update follow_up_outbox set status = ?, last_error = ? where gateway_id = ?"
                        + " and status in ('SENT', 'DELIVERED', 'UNDELIVERED')")
                .params(status.name(), reason, gatewayId)
                .update();
    }

    /** Another attempt at {@code retryAt}, or none ({@code retryAt} null): then the rows have FAILED. */
    void failed(Batch batch, String cause, Instant retryAt) {
        String shortCause = cause == null ? "unknown" : cause.length() > 500 ? cause.substring(0, 500) : cause;
        db.sql("update follow_up_outbox set status = ?, last_error = ?, attempts = attempts + 1, claim = null,"
                        + " next_attempt_at = ? where claim = ? and status = 'PENDING'")
                .params(retryAt == null ? "FAILED" : "PENDING", shortCause, at(retryAt == null ? Instant.now() : retryAt),
                        batch.claim())
                .update();
    }

    /** The participant's choice or key is gone: the rows will never leave. */
    void dropped(Batch batch, String why) {
        db.sql("update follow_up_outbox set status = 'CANCELLED', last_error = ?, claim = null"
                        + " where claim = ? and status = 'PENDING'")
                .params(why, batch.claim())
                .update();
    }

    public Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new LinkedHashMap<>();
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        db.sql("select status, count(*) from follow_up_outbox group by status")
                .query(rs -> {
                    counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    public long pending(FollowUpChannel channel) {
        return db.sql("select count(*) from follow_up_outbox where status = 'PENDING' and channel = ?")
                .param(channel.name()).query(Long.class).single();
    }

    public List<Failure> failures(int limit) {
        return db.sql("select id, feedback_id, channel, kind, attempts, last_error, next_attempt_at"
                        + " from follow_up_outbox where status in ('FAILED', 'UNDELIVERED') order by next_attempt_at desc")
                .query((rs, row) -> new Failure(rs.getString(1), rs.getString(2),
                        FollowUpChannel.valueOf(rs.getString(3)), MessageKind.valueOf(rs.getString(4)), rs.getInt(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list().stream().limit(limit).toList();
    }

    /** Every failed row waits again, for a first attempt now; how many. */
    public int retryFailed() {
        return db.sql("update follow_up_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, claim = null"
                        + " where status = 'FAILED'")
                .param(at(Instant.now()))
                .update();
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
