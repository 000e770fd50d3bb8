package heard.standalone;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackSubmitted;
import heard.events.ReceiptTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Submissions written straight into an app's event store, past every check of its API, as an older app
 * could have stored them: all in one transaction, so that the projections receive them in one batch.
 */
public final class StoredVoices {
    public record Voice(String language, String text) {
    }

    public record Stored(String feedbackId, String receiptToken, String eventId) {
    }

    private StoredVoices() {
    }

    public static List<Stored> storeTogether(EventStore store, TransactionManager transactions, String initiativeId,
                                             List<Voice> voices) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> tokens = voices.stream().map(voice -> ReceiptTokens.newToken()).toList();
        List<GenericDomainEventMessage<FeedbackSubmitted>> events = new ArrayList<>();
        for (int i = 0; i < voices.size(); i++) {
            String feedbackId = UUID.randomUUID().toString();
            events.add(new GenericDomainEventMessage<>("Feedback", feedbackId, 0, new FeedbackSubmitted(feedbackId,
                    initiativeId, voices.get(i).text(), Channel.WEB, voices.get(i).language(), "families", null, false,
                    ReceiptTokens.hash(tokens.get(i)), now.plus(Duration.ofHours(72)), now, Actors.PARTICIPANT)));
        }
        transactions.executeInTransaction(() -> store.publish(events));
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stored.add(new Stored(events.get(i).getAggregateIdentifier(), tokens.get(i), events.get(i).getIdentifier()));
        }
        return stored;
    }
}
