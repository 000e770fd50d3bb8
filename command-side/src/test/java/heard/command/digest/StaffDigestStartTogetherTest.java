package heard.command.digest;

import static org.assertj.core.api.Assertions.assertThat;

import heard.command.decision.ReviewDeadlines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Write-side instances that start together on a job store without the digest's trigger, on PostgreSQL with
 * Quartz wired as Spring Boot wires it for the app: each finds no trigger and stores one. Every start must
 * succeed, and one trigger must be left. Rounds, because two starts meet at Quartz's insert only now and then.
 */
class StaffDigestStartTogetherTest {
    private static final int ROUNDS = 30;
    private static EmbeddedPostgres postgres;
    private final List<SchedulerFactoryBean> factories = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/command/postgresql").load()
                .migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void instancesStartingTogetherEachStartAndLeaveOneTrigger() throws Exception {
        DataSource dataSource = postgres.getPostgresDatabase();
        Scheduler one = scheduler(dataSource);
        Scheduler two = scheduler(dataSource);
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                one.deleteJob(StaffDigestSchedule.JOB);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> first = starts.submit(() -> startTogether(one, together));
                Future<?> second = starts.submit(() -> startTogether(two, together));
                first.get(30, TimeUnit.SECONDS);
                second.get(30, TimeUnit.SECONDS);
                assertThat(one.getTriggersOfJob(StaffDigestSchedule.JOB)).as("round %d", round).hasSize(1);
            }
        } finally {
            starts.shutdownNow();
            for (SchedulerFactoryBean factory : factories) {
                factory.destroy();
            }
        }
    }

    private static Void startTogether(Scheduler scheduler, CyclicBarrier together) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        new StaffDigestSchedule().staffDigestTrigger(scheduler, "0 0 7 * * ?", "UTC").afterSingletonsInstantiated();
        return null;
    }

    /** As the app's: Spring's factory on the app's data source, with the write side's cluster settings. */
    private Scheduler scheduler(DataSource dataSource) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setSchedulerName("heard");
        factory.setQuartzProperties(ReviewDeadlines.clustered(true));
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        factories.add(factory);
        return factory.getObject();
    }
}
