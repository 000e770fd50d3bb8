package heard.command.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.quartz.DeadlineJob.DeadlineJobDataBinder;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;

/**
 * A review deadline is stored in Quartz's job data and read back when it fires, in another process
 * perhaps: it must come back naming the same decision and version.
 */
class ReviewDeadlineStorageTest {
    private final Serializer serializer = ReviewDeadlines.deadlineSerializer();

    @Test
    void aReviewDeadlineReadsBackForTheSameDecisionAndVersion() {
        // as a decision describes itself while it handles a command: its id is looked up when asked for
        ScopeDescriptor decision = new AggregateScopeDescriptor("Decision", () -> "decision-1");
        DeadlineMessage<ReviewDeadline> deadline = GenericDeadlineMessage.<ReviewDeadline>asDeadlineMessage(
                        ReviewDeadline.NAME, new ReviewDeadline(3), Instant.parse("2025-07-01T00:00:00Z"))
                .andMetaData(MetaData.with("traceId", "t-1"));

        JobDataMap stored = DeadlineJobDataBinder.toJobData(serializer, deadline, decision);
        DeadlineMessage<?> read = DeadlineJobDataBinder.deadlineMessage(serializer, stored);
        ScopeDescriptor readScope = DeadlineJobDataBinder.deadlineScope(serializer, stored);

        assertThat(readScope).isEqualTo(new AggregateScopeDescriptor("Decision", "decision-1"));
        assertThat(((AggregateScopeDescriptor) readScope).getIdentifier()).isEqualTo("decision-1");
        assertThat(read.getDeadlineName()).isEqualTo(ReviewDeadline.NAME);
        assertThat(read.getPayload()).isEqualTo(new ReviewDeadline(3));
        assertThat(read.getMetaData()).containsEntry("traceId", "t-1");
    }

    @Test
    void theScopeOfADecisionSurvivesTheCopyMadeToCancelItsReviews() {
        ScopeDescriptor decision = new AggregateScopeDescriptor("Decision", () -> "decision-1");

        Object copy = serializer.deserialize(serializer.serialize(decision, String.class));

        assertThat(copy).isEqualTo(decision);
    }
}
