package heard.query.followup;

import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionRevised;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FollowUpChannel;
import heard.events.FollowUpConsented;
import heard.events.FollowUpResumed;
import heard.events.FollowUpStopped;
import heard.events.ParticipantForgotten;
import heard.events.UnderstandingSummarized;
import heard.query.config.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides whom to tell what, and writes it to the {@link Outbox} in the transaction that moves this process's
 * token: a crash before the commit sees the events again, after it finds their rows (one per participant,
 * event and channel). It is not a read model: it is never replayed, so a rebuild sends nothing, and it begins
 * at the head of the log the first time it runs, so that the history recorded before it tells no one anything.
 * A row is due {@code heard.follow-up.gather} (2 minutes) after its event, so that what happens to a feedback
 * in that time leaves as one message.
 */
@Component
@ProcessingGroup(FollowUpProcess.GROUP)
class FollowUpProcess {
    static final String GROUP = Projections.FOLLOW_UP;

    private final FollowUpContacts contacts;
    private final Outbox outbox;
    private final JdbcClient db;
    private final Duration gather;

    FollowUpProcess(FollowUpContacts contacts, Outbox outbox, JdbcClient db,
            @Value("${heard.follow-up.gather:PT2M}") Duration gather) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.db = db;
        this.gather = gather;
    }

    @EventHandler
    void on(FollowUpConsented e) {
        if (e.address() != null && e.receiptToken() != null) {
            contacts.add(e.feedbackId(), e.channel(), e.address(), e.receiptToken(),
                    e.language() == null ? "en" : e.language());
        }
    }

    @EventHandler
    void on(FeedbackAcknowledged e, @MessageIdentifier String eventId) {
        tell(List.of(e.feedbackId()), eventId, MessageKind.ACKNOWLEDGED, e.at());
    }

    @EventHandler
    void on(UnderstandingSummarized e, @MessageIdentifier String eventId) {
        tell(List.of(e.feedbackId()), eventId, MessageKind.SUMMARY_WAITING, e.at());
    }

    @EventHandler
    void on(FeedbackLoopClosed e, @MessageIdentifier String eventId) {
        tell(List.of(e.feedbackId()), eventId, MessageKind.LOOP_CLOSED, e.at());
    }

    @EventHandler
    void on(DecisionProposed e, @MessageIdentifier String eventId) {
        remember(e.decisionId(), e.evidence());
        tell(e.evidence(), eventId, MessageKind.DECISION_PROPOSED, e.at());
    }

    @EventHandler
    void on(DecisionEvidenceLinked e) {
        remember(e.decisionId(), e.feedbackIds());
    }

    /** Told to those whose words informed the decision and to those whose words moved it. */
    @EventHandler
    void on(DecisionRevised e, @MessageIdentifier String eventId) {
        remember(e.decisionId(), e.triggeredBy());
        tell(evidence(e.decisionId()), eventId, MessageKind.DECISION_REVISED, e.at());
    }

    @EventHandler
    void on(DecisionOutcomeAssessed e, @MessageIdentifier String eventId) {
        tell(evidence(e.decisionId()), eventId, MessageKind.DECISION_ASSESSED, e.at());
    }

    @EventHandler
    void on(FollowUpStopped e) {
        contacts.stop(e.feedbackId(), e.channel(), e.at());
        outbox.cancel(e.feedbackId(), e.channel(), "the participant stopped follow-up");
    }

    @EventHandler
    void on(FollowUpResumed e) {
        contacts.resume(e.feedbackId(), e.channel());
    }

    @EventHandler
    void on(ParticipantForgotten e) {
        contacts.forget(e.feedbackId());
        outbox.cancel(e.feedbackId(), null, "the participant was forgotten");
    }

    private void tell(Collection<String> feedbackIds, String eventId, MessageKind kind, Instant at) {
        Instant due = laterOf(at, Instant.now()).plus(gather);
        for (String feedbackId : new LinkedHashSet<>(feedbackIds)) {
            for (FollowUpChannel channel : contacts.channels(feedbackId)) {
                outbox.add(feedbackId, channel, eventId, kind, due);
            }
        }
    }

    private void remember(String decisionId, Collection<String> feedbackIds) {
        for (String feedbackId : new LinkedHashSet<>(feedbackIds == null ? List.of() : feedbackIds)) {
            db.sql("insert into follow_up_evidence (decision_id, feedback_id) select ?, ? where not exists"
                            + " (select 1 from follow_up_evidence where decision_id = ? and feedback_id = ?)")
                    .params(decisionId, feedbackId, decisionId, feedbackId)
                    .update();
        }
    }

    private Set<String> evidence(String decisionId) {
        return new LinkedHashSet<>(db.sql("select feedback_id from follow_up_evidence where decision_id = ?")
                .param(decisionId).query(String.class).list());
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
