package heard.command.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The digest's one trigger, as each instance sets it at start (on Quartz's in-memory store, never started): a
 * second instance with the same settings keeps the stored trigger and the time it is next due, one configured
 * otherwise replaces it, and settings Quartz cannot read stop the start with the property's name.
 */
class StaffDigestScheduleTest {
    private Scheduler quartz;

    @BeforeEach
    void setUp() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("org.quartz.scheduler.instanceName", "staff-digest-schedule-test");
        settings.setProperty("org.quartz.threadPool.threadCount", "1");
        settings.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(settings).getScheduler();
    }

    @AfterEach
    void tearDown() throws Exception {
        quartz.shutdown();
    }

    @Test
    void aSecondStartKeepsTheTriggerAndAnotherTimeReplacesIt() throws Exception {
        start("0 0 7 * * ?", "Europe/Madrid");
        CronTrigger first = (CronTrigger) quartz.getTrigger(StaffDigestSchedule.TRIGGER);
        assertThat(first.getCronExpression()).isEqualTo("0 0 7 * * ?");
        assertThat(first.getTimeZone().getID()).isEqualTo("Europe/Madrid");
        assertThat(quartz.getJobDetail(StaffDigestSchedule.JOB).getJobDataMap().getString(StaffDigestJob.ZONE))
                .isEqualTo("Europe/Madrid");

        // a mark the stored trigger carries, which a trigger put in its place would not
        quartz.pauseTrigger(StaffDigestSchedule.TRIGGER);
        start("0 0 7 * * ?", "Europe/Madrid");
        assertThat(quartz.getTriggerState(StaffDigestSchedule.TRIGGER)).as("the stored trigger, kept")
                .isEqualTo(Trigger.TriggerState.PAUSED);

        start("0 30 6 * * ?", "UTC");
        CronTrigger replaced = (CronTrigger) quartz.getTrigger(StaffDigestSchedule.TRIGGER);
        assertThat(replaced.getCronExpression()).isEqualTo("0 30 6 * * ?");
        assertThat(replaced.getTimeZone().getID()).isEqualTo("UTC");
        assertThat(quartz.getTriggerState(StaffDigestSchedule.TRIGGER)).isEqualTo(Trigger.TriggerState.NORMAL);
        assertThat(quartz.getTriggersOfJob(StaffDigestSchedule.JOB)).hasSize(1);
    }

    @Test
    void settingsQuartzCannotReadStopTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("at seven", "UTC")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("heard.follow-up.digest.cron");
        assertThatThrownBy(() -> start("0 0 7 * * ?", "Mars/Olympus")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("heard.follow-up.digest.zone");
    }

    private void start(String cron, String zone) {
        new StaffDigestSchedule().staffDigestTrigger(quartz, cron, zone).afterSingletonsInstantiated();
    }
}
