package heard.command.digest;

import static org.assertj.core.api.Assertions.assertThat;

import heard.command.decision.ReviewDeadlines;
import heard.events.StaffDigestDue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.JobListenerSupport;

/**
 * Two instances, each setting the digest's trigger as it starts, on one clustered Quartz job store (the write
 * side's own H2 migrations): each time the trigger is due, one of them records the digest as due, never both.
 * The trigger is due every second here, so that a few seconds show several times.
 */
class StaffDigestClusterTest {
    private static final String DATABASE = "jdbc:h2:mem:staff-digest-cluster;DB_CLOSE_DELAY=-1";
    private final List<Scheduler> instances = new ArrayList<>();
    private final List<Long> fired = Collections.synchronizedList(new ArrayList<>());
    private final List<EventMessage<?>> recorded = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() throws Exception {
        for (Scheduler instance : instances) {
            instance.shutdown(true);
        }
    }

    @Test
    void eachTimeTheTriggerIsDueOneInstanceRecordsTheDigestAsDue() throws Exception {
        Flyway.configure().dataSource(DATABASE, "sa", "").locations("classpath:db/command/h2").load().migrate();
        Scheduler one = instance("one");
        Scheduler two = instance("two");
        one.start();
        two.start();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fired.size() >= 4);
        one.standby();
        two.standby();

        List<Long> times = List.copyOf(fired);
        assertThat(new HashSet<>(times)).as("no time fired twice").hasSameSizeAs(times);
        assertThat(recorded).hasSameSizeAs(times)
                .allSatisfy(event -> assertThat(event.getPayload()).isInstanceOf(StaffDigestDue.class));
        assertThat(one.getTriggersOfJob(StaffDigestSchedule.JOB)).hasSize(1);
    }

    /** An instance as the write side starts one: Quartz clustered on the shared store, then the digest's trigger. */
    private Scheduler instance(String id) throws Exception {
        // the write side's own cluster settings, then what Spring's factory would otherwise supply
        Properties settings = ReviewDeadlines.clustered(false);
        settings.setProperty("org.quartz.scheduler.instanceName", "staff-digest-cluster");
        settings.setProperty("org.quartz.scheduler.instanceId", id);
        settings.setProperty("org.quartz.threadPool.threadCount", "2");
        settings.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        settings.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        settings.setProperty("org.quartz.jobStore.dataSource", "store");
        settings.setProperty("org.quartz.dataSource.store.provider", "hikaricp");
        settings.setProperty("org.quartz.dataSource.store.driver", "org.h2.Driver");
        settings.setProperty("org.quartz.dataSource.store.URL", DATABASE);
        settings.setProperty("org.quartz.dataSource.store.user", "sa");
        settings.setProperty("org.quartz.dataSource.store.password", "");
        settings.setProperty("org.quartz.dataSource.store.maxConnections", "4");
        Scheduler scheduler = new StdSchedulerFactory(settings).getScheduler();
        // one JVM, two instances of one cluster: Quartz would otherwise hand the second factory the first one
        SchedulerRepository.getInstance().remove("staff-digest-cluster");
        instances.add(scheduler);

        SimpleEventBus events = SimpleEventBus.builder().build();
        events.subscribe(recorded::addAll);
        EventGateway gateway = DefaultEventGateway.builder().eventBus(events).build();
        scheduler.setJobFactory((bundle, owner) -> new StaffDigestJob(gateway, NoTransactionManager.INSTANCE));
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "fired-" + id;
            }

            @Override
            public void jobWasExecuted(JobExecutionContext firing, JobExecutionException failure) {
                fired.add(firing.getScheduledFireTime().getTime());
            }
        });
        new StaffDigestSchedule().staffDigestTrigger(scheduler, "* * * * * ?", "UTC").afterSingletonsInstantiated();
        return scheduler;
    }
}
