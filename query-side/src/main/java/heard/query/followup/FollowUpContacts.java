package heard.query.followup;

import heard.events.FollowUpChannel;
import heard.events.personal.KeyState;
import heard.events.personal.ParticipantKeys;
import heard.events.personal.PersonalCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each participant asked to be followed up. The address and the receipt token are sealed with the
 * participant's key, as in the events, so a forgotten participant's can never be read again, even from a
 * backup taken before their rows were deleted.
 */
@Component
public class FollowUpContacts {
    /** A participant's address on one channel, readable while their key lasts. */
    public record Contact(String feedbackId, FollowUpChannel channel, String address, String receiptToken,
            String language) {
    }

    /** A participant's choice on one channel, as their receipt page shows it: the address masked. */
    public record Choice(FollowUpChannel channel, String maskedAddress, boolean stopped) {
    }

    private final JdbcClient db;
    private final ParticipantKeys keys;

    FollowUpContacts(JdbcClient db, ParticipantKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    /** Keeps the first choice on a channel; a redelivered event changes nothing. */
    void add(String feedbackId, FollowUpChannel channel, String address, String receiptToken, String language) {
        SecretKey key = key(feedbackId);
        if (key == null) {
            return;
        }
        db.sql("insert into follow_up_contact (feedback_id, channel, address, receipt_token, language)"
                        + " select ?, ?, ?, ?, ? where not exists"
                        + " (select 1 from follow_up_contact where feedback_id = ? and channel = ?)")
                .params(feedbackId, channel.name(), PersonalCipher.encrypt(key, address, boundTo(feedbackId, "address")),
                        PersonalCipher.encrypt(key, receiptToken, boundTo(feedbackId, "receiptToken")), language,
                        feedbackId, channel.name())
                .update();
    }

    /** The channels on which this participant still wants to hear. */
    List<FollowUpChannel> channels(String feedbackId) {
        return db.sql("select channel from follow_up_contact where feedback_id = ? and stopped_at is null"
                        + " order by channel")
                .param(feedbackId)
                .query((rs, row) -> FollowUpChannel.valueOf(rs.getString(1)))
                .list();
    }

    /** The address to write to, unless the participant stopped this channel or was forgotten. */
    Optional<Contact> find(String feedbackId, FollowUpChannel channel) {
        KeyState key = keys.fresh(feedbackId);
        if (key.key() == null) {
            return Optional.empty();
        }
        record Sealed(String address, String receiptToken, String language) {
        }
        return db.sql("select address, receipt_token, language from follow_up_contact where feedback_id = ?"
                        + " and channel = ? and stopped_at is null")
                .params(feedbackId, channel.name())
                .query((rs, row) -> new Sealed(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional()
                .flatMap(sealed -> PersonalCipher.decrypt(key.key(), sealed.address(), boundTo(feedbackId, "address"))
                        .flatMap(address -> PersonalCipher.decrypt(key.key(), sealed.receiptToken(),
                                        boundTo(feedbackId, "receiptToken"))
                                .map(token -> new Contact(feedbackId, channel, address, token, sealed.language()))));
    }

    /** Every channel the participant chose, stopped or not; none once they are forgotten. */
    public List<Choice> choices(String feedbackId) {
        SecretKey key = key(feedbackId);
        if (key == null) {
            return List.of();
        }
        return db.sql("select channel, address, stopped_at from follow_up_contact where feedback_id = ?"
                        + " order by channel")
                .param(feedbackId)
                .query((rs, row) -> new Choice(FollowUpChannel.valueOf(rs.getString(1)),
                        PersonalCipher.decrypt(key, rs.getString(2), boundTo(feedbackId, "address"))
                                .map(MaskedAddress::of).orElse("***"),
                        rs.getTimestamp(3) != null))
                .list();
    }

    void stop(String feedbackId, FollowUpChannel channel, Instant at) {
        db.sql("update follow_up_contact set stopped_at = ? where feedback_id = ? and stopped_at is null"
                        + (channel == null ? "" : " and channel = ?"))
                .params(channel == null ? List.of(Timestamp.from(at), feedbackId)
                        : List.of(Timestamp.from(at), feedbackId, channel.name()))
                .update();
    }

    void resume(String feedbackId, FollowUpChannel channel) {
        db.sql("update follow_up_contact set stopped_at = null where feedback_id = ? and channel = ?")
                .params(feedbackId, channel.name())
                .update();
    }

    void forget(String feedbackId) {
        db.sql("delete from follow_up_contact where feedback_id = ?").param(feedbackId).update();
    }

    private SecretKey key(String feedbackId) {
        KeyState state = keys.forReading(feedbackId);
        return state == KeyState.UNKNOWN ? keys.fresh(feedbackId).key() : state.key();
    }

    private static String boundTo(String feedbackId, String field) {
        return feedbackId + "/follow-up/" + field;
    }
}
