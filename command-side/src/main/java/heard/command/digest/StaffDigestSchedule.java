package heard.command.digest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staff's daily digest comes due at {@code heard.follow-up.digest.cron} (a Quartz cron expression; 07:00
 * unless set) in {@code heard.follow-up.digest.zone} (UTC unless set). Its trigger lives in Quartz's clustered
 * JDBC job store beside the review deadlines, so however many write-side instances run, each time fires once,
 * and a time missed while every instance was down fires when the first one starts again. Each firing records
 * that the day's digest is due ({@link StaffDigestJob}); the query side writes the digests.
 */
@Configuration(proxyBeanMethods = false)
class StaffDigestSchedule {
    static final JobKey JOB = JobKey.jobKey("staff-digest", "heard");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("staff-digest", "heard");
    private static final int ATTEMPTS = 5;

    /**
     * The trigger stored is kept while it says what the configuration says, so that a time it missed still fires;
     * an instance configured otherwise replaces it, and the last one to start wins.
     */
    @Bean
    SmartInitializingSingleton staffDigestTrigger(Scheduler scheduler,
            @Value("${heard.follow-up.digest.cron:0 0 7 * * ?}") String cron,
            @Value("${heard.follow-up.digest.zone:UTC}") String zone) {
        ZoneId zoneId = zone(zone);
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalStateException("heard.follow-up.digest.cron must be a Quartz cron expression such as"
                    + " \"0 0 7 * * ?\" (07:00 every day), not \"" + cron + "\"");
        }
        return () -> {
            JobDetail job = JobBuilder.newJob(StaffDigestJob.class).withIdentity(JOB).storeDurably()
                    .usingJobData(StaffDigestJob.ZONE, zoneId.getId()).build();
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zoneId))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            for (int attempt = 1; ; attempt++) {
                try {
                    scheduleUnlessStored(scheduler, job, trigger);
                    return;
                } catch (SchedulerException e) {
                    if (attempt == ATTEMPTS) {
                        throw new IllegalStateException("The staff digest could not be scheduled", e);
                    }
                    pause();
                }
            }
        };
    }

    /**
     * Outside a transaction Quartz's lock holds for one statement only, so instances starting together on a
     * store without the trigger may both insert it, and the second insert fails. Looking again finds the one
     * stored (or, with other settings, replaces it in an update).
     */
    private static void scheduleUnlessStored(Scheduler scheduler, JobDetail job, CronTrigger wanted)
            throws SchedulerException {
        if (!(scheduler.getTrigger(TRIGGER) instanceof CronTrigger stored
                && stored.getCronExpression().equals(wanted.getCronExpression())
                && stored.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && scheduler.checkExists(JOB))) {
            scheduler.scheduleJob(job, Set.of(wanted), true);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while scheduling the staff digest", e);
        }
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("heard.follow-up.digest.zone must be a time zone such as UTC or"
                    + " Europe/Madrid, not \"" + zone + "\"", e);
        }
    }
}
