package heard.command.sms;

import heard.events.FollowUpChannel;
import heard.events.FollowUpConsented;
import heard.events.ParticipantForgotten;
import heard.events.ReceiptTokens;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which feedback each mobile number asked SMS follow-up for, kept in the transaction of the events, so that a
 * STOP texted from a number reaches all of them. The number is kept only as a hash.
 */
@Component
@ProcessingGroup(SmsNumbers.GROUP)
public class SmsNumbers {
    public static final String GROUP = "sms-numbers";

    private final JdbcClient db;

    SmsNumbers(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(FollowUpConsented e) {
        if (e.channel() == FollowUpChannel.SMS && e.address() != null) {
            db.sql("insert into sms_follow_up (number_hash, feedback_id) select ?, ? where not exists"
                            + " (select 1 from sms_follow_up where number_hash = ? and feedback_id = ?)")
                    .params(hash(e.address()), e.feedbackId(), hash(e.address()), e.feedbackId())
                    .update();
        }
    }

    @EventHandler
    void on(ParticipantForgotten e) {
        db.sql("delete from sms_follow_up where feedback_id = ?").param(e.feedbackId()).update();
    }

    List<String> feedbackOf(String number) {
        return db.sql("select feedback_id from sms_follow_up where number_hash = ? order by feedback_id")
                .param(hash(number)).query(String.class).list();
    }

    private static String hash(String number) {
        return ReceiptTokens.hash("sms-number\0" + number);
    }
}
