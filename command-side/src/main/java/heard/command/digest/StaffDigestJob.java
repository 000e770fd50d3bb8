package heard.command.digest;

import heard.events.Actors;
import heard.events.StaffDigestDue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Records that the digest of the day the trigger was due on is due. Quartz makes one per firing through
 * Spring's job factory, which gives it this side's beans.
 */
public class StaffDigestJob implements Job {
    static final String ZONE = "zone";

    private final EventGateway events;
    private final TransactionManager transactions;

    public StaffDigestJob(EventGateway events, TransactionManager transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void execute(JobExecutionContext firing) {
        ZoneId zone = ZoneId.of(firing.getMergedJobDataMap().getString(ZONE));
        LocalDate day = LocalDate.ofInstant(firing.getScheduledFireTime().toInstant(), zone);
        transactions.executeInTransaction(() -> events.publish(new StaffDigestDue(day, Instant.now(), Actors.SYSTEM)));
    }
}
