package heard.query.followup;

import heard.events.FollowUpChannel;
import heard.query.followup.FollowUpContacts.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the {@link Outbox}, every {@code heard.follow-up.send-every} (5 s): each participant's
 * waiting rows on one channel as one message. A failed attempt is tried again after
 * {@code heard.follow-up.backoff} (30 s), doubled at each attempt, up to {@code heard.follow-up.attempts} (6);
 * then the rows have FAILED, with their cause, until an administrator retries them. A channel with nothing
 * configured sends nothing and its messages wait. A message handed to the server is marked sent at once; if the
 * app stops between the two, the message leaves again once its claim ({@code heard.follow-up.lease}, 5 min)
 * lapses: it may arrive twice, but it is never lost, and an e-mail sent again carries the same
 * {@code Message-ID}, so that mail systems that drop a duplicate drop it.
 */
@Component
class FollowUpSender {
    private static final Logger log = LoggerFactory.getLogger(FollowUpSender.class);
    private static final int PER_ROUND = 50;

    private final Outbox outbox;
    private final FollowUpContacts contacts;
    private final FollowUpMessages messages;
    private final Map<FollowUpChannel, MessageChannel> channels;
    private final Duration backoff;
    private final int attempts;
    private final Duration lease;

    FollowUpSender(Outbox outbox, FollowUpContacts contacts, FollowUpMessages messages, List<MessageChannel> channels,
            @Value("${heard.follow-up.backoff:PT30S}") Duration backoff,
            @Value("${heard.follow-up.attempts:6}") int attempts,
            @Value("${heard.follow-up.lease:PT5M}") Duration lease) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.messages = messages;
        this.channels = channels.stream().collect(Collectors.toMap(MessageChannel::channel, Function.identity()));
        this.backoff = backoff;
        this.attempts = attempts;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${heard.follow-up.send-every:PT5S}", initialDelayString = "PT1S")
    void sendDue() {
        List<FollowUpChannel> ready = channels.values().stream().filter(MessageChannel::ready)
                .map(MessageChannel::channel).toList();
        Instant now = Instant.now();
        for (Outbox.Batch batch : outbox.claimDue(ready, PER_ROUND, now, now.plus(lease))) {
            send(batch);
        }
    }

    private void send(Outbox.Batch batch) {
        Optional<Contact> contact = contacts.find(batch.feedbackId(), batch.channel());
        if (contact.isEmpty()) {
            outbox.dropped(batch, "the participant stopped follow-up or was forgotten");
            return;
        }
        try {
            String gatewayId = channels.get(batch.channel()).send(contact.get().address(),
                    messages.compose(contact.get(), batch.kinds(), batch.key()));
            outbox.sent(batch, Instant.now(), gatewayId);
        } catch (Exception e) {
            int attempt = batch.attempts() + 1;
            Instant retryAt = attempt >= attempts ? null
                    : Instant.now().plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
            String cause = MaskedAddress.inCause(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    contact.get().address());
            log.warn("A follow-up message by {} failed (attempt {} of {}): {}", batch.channel(), attempt, attempts,
                    cause);
            outbox.failed(batch, cause, retryAt);
        }
    }
}
