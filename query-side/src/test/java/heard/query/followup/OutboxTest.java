package heard.query.followup;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.FollowUpChannel;
import heard.query.config.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The outbox on the real schema: one row per participant, event and channel, and each message taken once. */
@ProjectionTest
@Import(Outbox.class)
class OutboxTest {
    private static final List<FollowUpChannel> BOTH = List.of(FollowUpChannel.EMAIL, FollowUpChannel.SMS);
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    Outbox outbox;

    @Test
    void aRedeliveredEventAddsNoSecondRow() {
        Instant due = Instant.now().minusSeconds(1);
        assertThat(outbox.add("f1", FollowUpChannel.EMAIL, "event-1", MessageKind.ACKNOWLEDGED, due)).isTrue();
        assertThat(outbox.add("f1", FollowUpChannel.EMAIL, "event-1", MessageKind.ACKNOWLEDGED, due)).isFalse();
        assertThat(outbox.add("f1", FollowUpChannel.SMS, "event-1", MessageKind.ACKNOWLEDGED, due)).isTrue();
        assertThat(outbox.counts().get(OutboxStatus.PENDING)).isEqualTo(2);
    }

    @Test
    void aParticipantsWaitingRowsLeaveTogetherOnceOneIsDueAndOnlyOnce() {
        Instant now = Instant.now();
        outbox.add("f2", FollowUpChannel.EMAIL, "event-1", MessageKind.ACKNOWLEDGED, now.minusSeconds(1));
        outbox.add("f2", FollowUpChannel.EMAIL, "event-2", MessageKind.SUMMARY_WAITING, now.plusSeconds(60));
        outbox.add("f3", FollowUpChannel.EMAIL, "event-3", MessageKind.ACKNOWLEDGED, now.plusSeconds(60));

        List<Outbox.Batch> first = outbox.claimDue(BOTH, 10, now, now.plus(LEASE));
        assertThat(first).singleElement().satisfies(batch -> {
            assertThat(batch.feedbackId()).isEqualTo("f2");
            assertThat(batch.kinds()).containsExactly(MessageKind.ACKNOWLEDGED, MessageKind.SUMMARY_WAITING);
        });
        assertThat(outbox.claimDue(BOTH, 10, now, now.plus(LEASE))).as("another sender, at the same time").isEmpty();

        outbox.sent(first.get(0), now, null);
        assertThat(outbox.counts().get(OutboxStatus.SENT)).isEqualTo(2);
        assertThat(outbox.claimDue(BOTH, 10, now.plus(LEASE).plusSeconds(1), now.plus(LEASE).plus(LEASE)))
                .extracting(Outbox.Batch::feedbackId).containsExactly("f3");
    }

    @Test
    void aClaimLeftByASenderThatStoppedLapsesAndItsMessageLeavesOnce() {
        Instant now = Instant.now();
        outbox.add("f4", FollowUpChannel.SMS, "event-1", MessageKind.LOOP_CLOSED, now.minusSeconds(1));
        Outbox.Batch abandoned = outbox.claimDue(BOTH, 10, now, now.plus(LEASE)).get(0);

        assertThat(outbox.claimDue(BOTH, 10, now.plus(LEASE).minusSeconds(1), now.plus(LEASE))).isEmpty();
        List<Outbox.Batch> again = outbox.claimDue(BOTH, 10, now.plus(LEASE).plusSeconds(1),
                now.plus(LEASE).plus(LEASE));
        assertThat(again).extracting(Outbox.Batch::feedbackId).containsExactly("f4");
        outbox.sent(abandoned, now, null);
        assertThat(outbox.counts().get(OutboxStatus.SENT)).as("the lapsed claim no longer holds the row").isZero();
        outbox.sent(again.get(0), now, null);
        assertThat(outbox.counts().get(OutboxStatus.SENT)).isEqualTo(1);
    }

    @Test
    void theSameRowsClaimedAgainAreKnownAsTheSameMessageAndMoreRowsAsAnother() {
        Instant now = Instant.now();
        outbox.add("f7", FollowUpChannel.EMAIL, "event-1", MessageKind.ACKNOWLEDGED, now.minusSeconds(2));
        outbox.add("f7", FollowUpChannel.EMAIL, "event-2", MessageKind.SUMMARY_WAITING, now.minusSeconds(1));
        Outbox.Batch first = outbox.claimDue(BOTH, 10, now, now.plus(LEASE)).get(0);
        Outbox.Batch again = outbox.claimDue(BOTH, 10, now.plus(LEASE).plusSeconds(1), now.plus(LEASE).plus(LEASE))
                .get(0);
        assertThat(again.claim()).isNotEqualTo(first.claim());
        assertThat(again.key()).isEqualTo(first.key()).hasSize(36);

        outbox.add("f7", FollowUpChannel.EMAIL, "event-3", MessageKind.LOOP_CLOSED, now.minusSeconds(1));
        Outbox.Batch more = outbox.claimDue(BOTH, 10, now.plus(LEASE).plus(LEASE).plusSeconds(1),
                now.plus(LEASE).plus(LEASE).plus(LEASE)).get(0);
        assertThat(more.ids()).hasSize(3);
        assertThat(more.key()).isNotEqualTo(first.key());
    }

    @Test
    void aFailureWaitsForItsRetryThenFailsForGoodAndAnAdministratorRetriesIt() {
        Instant now = Instant.now();
        outbox.add("f5", FollowUpChannel.EMAIL, "event-1", MessageKind.ACKNOWLEDGED, now.minusSeconds(1));
        outbox.failed(outbox.claimDue(BOTH, 10, now, now.plus(LEASE)).get(0), "refused", now.plusSeconds(30));
        assertThat(outbox.claimDue(BOTH, 10, now.plusSeconds(29), now.plus(LEASE))).isEmpty();
        Outbox.Batch second = outbox.claimDue(BOTH, 10, now.plusSeconds(31), now.plus(LEASE)).get(0);
        assertThat(second.attempts()).isEqualTo(1);
        outbox.failed(second, "refused again", null);
        assertThat(outbox.failures(10)).singleElement().satisfies(failure -> {
            assertThat(failure.cause()).isEqualTo("refused again");
            assertThat(failure.attempts()).isEqualTo(2);
        });

        assertThat(outbox.retryFailed()).isEqualTo(1);
        assertThat(outbox.claimDue(BOTH, 10, Instant.now().plusSeconds(1), Instant.now().plus(LEASE))).hasSize(1);
    }

    @Test
    void aChannelWithNothingToSendThroughTakesNothing() {
        Instant now = Instant.now();
        outbox.add("f6", FollowUpChannel.SMS, "event-1", MessageKind.ACKNOWLEDGED, now.minusSeconds(1));
        assertThat(outbox.claimDue(List.of(FollowUpChannel.EMAIL), 10, now, now.plus(LEASE))).isEmpty();
        assertThat(outbox.claimDue(List.of(), 10, now, now.plus(LEASE))).isEmpty();
        assertThat(outbox.pending(FollowUpChannel.SMS)).isEqualTo(1);
    }
}
