package heard.query.digest;

import heard.events.StaffDigestDue;
import heard.query.config.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When the day's digest comes due, writes one for each facilitator who receives it, if anything waits, in the
 * transaction of the follow-up process's token: like the participants' messages, never replayed, so that a
 * rebuild writes no digest again.
 */
@Component
@ProcessingGroup(Projections.FOLLOW_UP)
class StaffDigestProcess {
    private final DigestRecipients recipients;
    private final WaitingWork work;
    private final StaffDigests digests;

    StaffDigestProcess(DigestRecipients recipients, WaitingWork work, StaffDigests digests) {
        this.recipients = recipients;
        this.work = work;
        this.digests = digests;
    }

    @EventHandler
    void on(StaffDigestDue e) {
        Instant now = Instant.now();
        if (work.at(now).isEmpty()) {
            return;
        }
        recipients.names().forEach(name -> digests.add(name, e.day(), now));
    }
}
