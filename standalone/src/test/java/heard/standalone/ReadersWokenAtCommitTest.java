package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import heard.command.initiative.LaunchInitiative;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.query.initiative.InitiativeViews;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command sent inside a transaction of the app's own (as every submission is, since submissions may share a
 * commit) reaches the read models as soon as that transaction commits. The event store tells its readers of new
 * events when the command's unit of work ends; inside an outer transaction that was before the events were
 * committed, so the store looked at once, found nothing, and looked again only a second later: on a quiet app about
 * one submission in ten showed on its receipt a second late.
 */
@StandaloneTest
class ReadersWokenAtCommitTest {
    /** Far below the store's second between looks, far above an event's way from a commit to a read model. */
    private static final Duration PROMPTLY = Duration.ofMillis(400);

    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    InitiativeViews initiatives;

    @Test
    void eventsCommittedByAnOuterTransactionReachTheReadModelsAtItsCommit() {
        for (int attempt = 0; attempt < 3; attempt++) {
            String initiativeId = UUID.randomUUID().toString();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                commands.sendAndWait(new LaunchInitiative(initiativeId, "Getting to school safely",
                        "What makes the trip to school hard for your family?",
                        List.of(new StakeholderGroup("families", "Families", StakeholderRole.BENEFICIARY, 0.6)),
                        List.of("en"), 72, Instant.now(), "leader"));
                // long enough for the store, told when the command's unit of work ended, to look and find nothing
                Pause.sleep(Duration.ofMillis(100));
            });
            long committed = System.nanoTime();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> initiatives.existsById(initiativeId));
            assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(PROMPTLY);
        }
    }
}
