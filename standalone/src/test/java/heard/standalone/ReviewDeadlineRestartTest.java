package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import heard.command.decision.ProposeDecision;
import heard.command.decision.ReviewDeadline;
import heard.command.initiative.LaunchInitiative;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.EngagementLevel;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A review date that passes while the application is down is still noticed: the deadline lives in
 * the database, not in the memory of the process that set it. One data directory, two runs of the
 * application; deadlines are set in the first and fall due after it has stopped.
 */
class ReviewDeadlineRestartTest {
    /** One name for every start of the test's app, so that the second start finds the first one's jobs. */
    private static final String SCHEDULER = "heard-review-restart-" + java.util.UUID.randomUUID();
    /** Long enough for the first run to stop before the deadlines, short enough to keep the suite quick. */
    private static final Duration AHEAD = Duration.ofSeconds(10);

    private final String dataDir = "target/restart-" + UUID.randomUUID();
    private final String initiativeId = UUID.randomUUID().toString();
    private final LocalDate reviewBy = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    private final Instant reviewPasses = reviewBy.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void reviewDeadlinesSetBeforeARestartFireOnceAfterIt() throws Exception {
        String scheduled = UUID.randomUUID().toString();
        String ownReview = UUID.randomUUID().toString();
        String deadlineId;
        JobKey ownReviewJob;
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            EventStore events = first.getBean(EventStore.class);
            Scheduler quartz = first.getBean(Scheduler.class);
            commands.sendAndWait(new LaunchInitiative(initiativeId, "Getting to school safely",
                    "What makes the trip to school hard for your family?",
                    List.of(new StakeholderGroup("families", "Families", StakeholderRole.BENEFICIARY, 0.6)),
                    List.of("en"), 72, Instant.now(), "leader"));

            // a review deadline set through the deadline manager, in the decision's scope
            commands.sendAndWait(propose(scheduled));
            Set<JobKey> scheduledsOwnReview = reviewJobs(quartz);
            DomainEventMessage<?> proposal = events.readEvents(scheduled, 0).next();
            assertThat(proposal.getPayload()).isInstanceOf(DecisionProposed.class);
            assertThat(proposal.getType()).as("the aggregate's type, which names its scope").isEqualTo("Decision");
            due = Instant.now().plus(AHEAD);
            deadlineId = first.getBean(DeadlineManager.class).schedule(due, ReviewDeadline.NAME,
                    new ReviewDeadline(1), new AggregateScopeDescriptor(proposal.getType(), scheduled));

            // the review the decision set itself, a month away, brought forward to fall due during the restart
            commands.sendAndWait(propose(ownReview));
            Set<JobKey> jobs = reviewJobs(quartz);
            jobs.removeAll(scheduledsOwnReview);
            jobs.remove(new JobKey(deadlineId, ReviewDeadline.NAME));
            assertThat(jobs).hasSize(1);
            ownReviewJob = jobs.iterator().next();
            Trigger trigger = quartz.getTriggersOfJob(ownReviewJob).get(0);
            assertThat(trigger.getStartTime()).isEqualTo(Date.from(reviewPasses));
            quartz.rescheduleJob(trigger.getKey(), TriggerBuilder.newTrigger().withIdentity(trigger.getKey())
                    .forJob(ownReviewJob).startAt(Date.from(due)).build());

            assertThat(reviewsDue(events, scheduled)).isEmpty();
            assertThat(reviewsDue(events, ownReview)).isEmpty();
        }
        assertThat(Instant.now()).as("the first run stopped before the deadlines fell due").isBefore(due);

        try (ConfigurableApplicationContext second = start()) {
            EventStore events = second.getBean(EventStore.class);
            Scheduler quartz = second.getBean(Scheduler.class);
            eventually().pollInterval(Duration.ofMillis(200))
                    .until(() -> !reviewsDue(events, scheduled).isEmpty() && !reviewsDue(events, ownReview).isEmpty());

            assertThat(reviewsDue(events, scheduled)).singleElement()
                    .isEqualTo(new DecisionReviewDue(scheduled, initiativeId, 1, reviewBy, reviewPasses, "system"));
            assertThat(reviewsDue(events, ownReview)).singleElement()
                    .isEqualTo(new DecisionReviewDue(ownReview, initiativeId, 1, reviewBy, reviewPasses, "system"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !quartz.checkExists(ownReviewJob)
                    && !quartz.checkExists(new JobKey(deadlineId, ReviewDeadline.NAME)));
            // once: nothing more after a while, and only the first decision's own review is left to come
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> reviewsDue(events, scheduled).size() == 1 && reviewsDue(events, ownReview).size() == 1);
            assertThat(reviewJobs(quartz)).hasSize(1);
        }
    }

    private ProposeDecision propose(String decisionId) {
        return new ProposeDecision(decisionId, initiativeId, "Crossing guard",
                "If we add a crossing guard, then more families walk", "Walking share rises to 40%",
                EngagementLevel.CONSULT, reviewBy, List.of(), List.of(), List.of("families"), "Families asked for it",
                Instant.now(), "leader");
    }

    private ConfigurableApplicationContext start() {
        // arguments, not default properties: those would lose to application.yml (port 8080)
        return new SpringApplicationBuilder(HeardApplication.class)
                .run("--heard.data-dir=" + dataDir, "--heard.demo-data=false", "--server.port=0",
                        // Quartz registers its connections per scheduler name for the whole JVM: a name of its
                        // own, so that closing this app does not close the connections of the suite's app
                        "--spring.quartz.scheduler-name=" + SCHEDULER);
    }

    private static Set<JobKey> reviewJobs(Scheduler quartz) throws Exception {
        return new HashSet<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(ReviewDeadline.NAME)));
    }

    private static List<DecisionReviewDue> reviewsDue(EventStore events, String decisionId) {
        return events.readEvents(decisionId, 0).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(DecisionReviewDue.class::isInstance)
                .map(DecisionReviewDue.class::cast)
                .toList();
    }
}
