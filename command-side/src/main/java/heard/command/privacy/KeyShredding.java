package heard.command.privacy;

import heard.command.feedback.SubmissionKeys;
import heard.events.ParticipantForgotten;
import heard.events.personal.ParticipantKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes a forgotten participant's key, and the idempotency fingerprints of their text, in the
 * transaction that records {@link ParticipantForgotten}: the event is never stored without the shredding.
 */
@Component
@ProcessingGroup(KeyShredding.GROUP)
class KeyShredding {
    static final String GROUP = "privacy";
    private final ParticipantKeys keys;
    private final SubmissionKeys submissionKeys;

    KeyShredding(ParticipantKeys keys, SubmissionKeys submissionKeys) {
        this.keys = keys;
        this.submissionKeys = submissionKeys;
    }

    @EventHandler
    void on(ParticipantForgotten e) {
        keys.forget(e.feedbackId(), e.at());
        submissionKeys.forget(e.feedbackId());
    }
}
