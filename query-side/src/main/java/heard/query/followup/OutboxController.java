package heard.query.followup;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outbox for an administrator: how it stands, and a retry of every failed message. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {
    private static final int FAILURES_SHOWN = 100;

    private final Outbox outbox;
    private final FollowUpContacts contacts;
    private final List<MessageChannel> channels;

    OutboxController(Outbox outbox, FollowUpContacts contacts, List<MessageChannel> channels) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.channels = channels;
    }

    @Operation(summary = "The outbox of messages to participants: channels, counts by status, failures with addresses masked")
    @GetMapping("/api/admin/outbox")
    OutboxView view() {
        return new OutboxView(
                channels.stream().sorted(Comparator.comparing(MessageChannel::channel))
                        .map(c -> new OutboxView.ChannelState(c.channel(), c.ready(), outbox.pending(c.channel())))
                        .toList(),
                outbox.counts(),
                outbox.failures(FAILURES_SHOWN).stream()
                        .map(f -> new OutboxView.Failure(f.id(), f.channel(), f.kind(), f.attempts(), f.cause(), f.at(),
                                contacts.find(f.feedbackId(), f.channel()).map(c -> MaskedAddress.of(c.address()))
                                        .orElse(null)))
                        .toList());
    }

    @Operation(summary = "Send every failed message to participants again")
    @PostMapping("/api/admin/outbox/retry")
    Map<String, Integer> retry() {
        return Map.of("retried", outbox.retryFailed());
    }
}
