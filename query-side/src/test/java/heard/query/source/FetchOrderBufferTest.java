package heard.query.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.Test;

class FetchOrderBufferTest {
    private static final Runnable NOBODY = () -> { };

    /** The processor reading the buffer is woken once per fetch that brought records, after they are in. */
    @Test
    void eachFetchThatBringsRecordsIsToldOnceTheyCanBeTaken() throws Exception {
        List<Integer> sizesWhenTold = new ArrayList<>();
        FetchOrderBuffer[] buffer = new FetchOrderBuffer[1];
        buffer[0] = new FetchOrderBuffer(10, () -> sizesWhenTold.add(buffer[0].size()));

        buffer[0].putAll(List.of(record(0, 0, 1), record(1, 0, 2)));
        buffer[0].putAll(List.of());
        buffer[0].put(record(0, 1, 3));

        assertThat(sizesWhenTold).containsExactly(2, 3);
    }

    @Test
    void recordsOfSeveralPartitionsLeaveInTheOrderTheyWereFetchedWhateverTheirTime() throws Exception {
        FetchOrderBuffer buffer = new FetchOrderBuffer(10, NOBODY);
        List<KafkaEventMessage> fetched = List.of(record(0, 7, 300), record(0, 8, 500), record(2, 3, 100),
                record(1, 0, 400));

        buffer.putAll(fetched);

        List<KafkaEventMessage> handedOn = new ArrayList<>();
        while (!buffer.isEmpty()) {
            handedOn.add(buffer.poll(0, TimeUnit.MILLISECONDS));
        }
        assertThat(handedOn).containsExactlyElementsOf(fetched);
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
    }

    @Test
    void aFullBufferHoldsTheFetcherBackUntilARecordIsTaken() throws Exception {
        FetchOrderBuffer buffer = new FetchOrderBuffer(2, NOBODY);
        buffer.putAll(List.of(record(0, 0, 1), record(0, 1, 2)));

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                buffer.put(record(0, 2, 3));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(buffer.remainingCapacity()).isZero();
        assertThat(third).isNotDone();
        assertThat(buffer.take().offset()).isZero();
        third.get(10, TimeUnit.SECONDS);
        assertThat(buffer.take().offset()).isEqualTo(1);
        assertThat(buffer.peek().offset()).isEqualTo(2);
    }

    @Test
    void aConsumerThatFailedIsReportedOnceItsRecordsAreTaken() throws Exception {
        FetchOrderBuffer buffer = new FetchOrderBuffer(5, NOBODY);
        buffer.put(record(0, 0, 1));
        buffer.setException(new IllegalStateException("the broker is gone"));

        assertThat(buffer.take().offset()).isZero();
        assertThatThrownBy(() -> buffer.poll(1, TimeUnit.SECONDS)).hasMessage("the broker is gone");
        assertThatThrownBy(buffer::peek).hasMessage("the broker is gone");
        buffer.clear();
        assertThat(buffer.size()).isZero();
    }

    private static KafkaEventMessage record(int partition, long offset, long timestamp) {
        KafkaTrackingToken position = KafkaTrackingToken.newInstance(
                Map.of(new TopicPartition("heard.events", partition), offset));
        return new KafkaEventMessage(new GenericTrackedEventMessage<>(position,
                GenericEventMessage.asEventMessage("event " + partition + "/" + offset)), partition, offset, timestamp);
    }
}
