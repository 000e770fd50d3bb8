package heard.command.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.catalog.Catalog;
import heard.command.catalog.InitiativeFacts;
import heard.command.followup.FollowUpAddress;
import heard.command.followup.ResumeFollowUp;
import heard.command.followup.StopFollowUp;
import heard.command.refusals.Caps;
import heard.command.refusals.NotFound;
import heard.command.refusals.ReceiptRejected;
import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.events.Actors;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.FollowUpChannel;
import heard.events.FollowUpConsented;
import heard.events.FollowUpResumed;
import heard.events.FollowUpStopped;
import heard.events.ParticipantForgotten;
import heard.events.ReceiptTokens;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import heard.limits.InputLimits;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One submission and its loop: acknowledged, understanding summarized, confirmed or corrected
 * (and summarized again), themed, closed by a published learning. Once its participant is forgotten,
 * nothing more of theirs is recorded, while themes and the loop's close still are.
 */
@Aggregate
public class Feedback {
    enum Understanding { NONE, AWAITING_ANSWER, CONFIRMED, CORRECTED }

    @AggregateIdentifier
    private String feedbackId;
    private String initiativeId;
    private String receiptTokenHash;
    private boolean acknowledged;
    private Understanding understanding = Understanding.NONE;
    private int round;
    private Set<String> themes = new LinkedHashSet<>();
    private boolean loopClosed;
    private boolean forgotten;
    private Set<FollowUpChannel> followedUpOn = EnumSet.noneOf(FollowUpChannel.class);
    private Set<FollowUpChannel> stoppedOn = EnumSet.noneOf(FollowUpChannel.class);

    protected Feedback() {
    }

    @CommandHandler
    public Feedback(SubmitFeedback command, Catalog catalog) {
        Caps.text("text", command.text(), InputLimits.FEEDBACK_TEXT);
        Caps.languageTag("language", command.language());
        Caps.text("contact", command.contact(), InputLimits.CONTACT);
        InitiativeFacts initiative = catalog.initiative(command.initiativeId())
                .orElseThrow(() -> new NotFound("initiative", command.initiativeId()));
        if (!initiative.groupCodes().contains(command.stakeholderGroup())) {
            throw new RuleViolation("stakeholderGroup",
                    "must be one of this initiative's stakeholder groups: " + initiative.groupCodes());
        }
        requireFollowUps(command);
        apply(new FeedbackSubmitted(command.feedbackId(), command.initiativeId(), command.text(),
                command.channel(), command.language(), command.stakeholderGroup(), command.contact(),
                command.followUpConsent(), command.receiptTokenHash(),
                command.at().plus(Duration.ofHours(initiative.acknowledgeWithinHours())),
                command.at(), command.actor()));
        for (FollowUpAddress followUp : command.followUps()) {
            apply(new FollowUpConsented(command.feedbackId(), command.initiativeId(), followUp.channel(),
                    followUp.address(), command.receiptToken(), command.language(), command.at(), command.actor()));
        }
    }

    /** One address per channel, each within its cap, and the link the messages carry must be this receipt's. */
    private static void requireFollowUps(SubmitFeedback command) {
        if (command.followUps().stream().map(FollowUpAddress::channel).distinct().count()
                < command.followUps().size()) {
            throw new RuleViolation("followUps", "give one address per channel");
        }
        for (FollowUpAddress followUp : command.followUps()) {
            String field = followUp.channel() == FollowUpChannel.EMAIL ? "email" : "mobile";
            Caps.line(field, followUp.address(), followUp.channel() == FollowUpChannel.EMAIL
                    ? InputLimits.EMAIL : InputLimits.MOBILE);
        }
        if (!command.followUps().isEmpty() && (command.receiptToken() == null
                || !ReceiptTokens.hash(command.receiptToken()).equals(command.receiptTokenHash()))) {
            throw new RuleViolation("receiptToken", "follow-up needs the receipt whose link it sends");
        }
    }

    @CommandHandler
    void handle(AcknowledgeFeedback command) {
        Caps.text("message", command.message(), InputLimits.ACKNOWLEDGEMENT);
        requireOpenLoop();
        requireRemembered();
        if (acknowledged) {
            throw new StateConflict("This feedback has already been acknowledged");
        }
        apply(new FeedbackAcknowledged(feedbackId, initiativeId, command.message(), command.at(), command.actor()));
    }

    @CommandHandler
    void handle(SummarizeUnderstanding command) {
        Caps.text("summary", command.summary(), InputLimits.SUMMARY);
        requireOpenLoop();
        requireRemembered();
        if (!acknowledged) {
            throw new StateConflict("Acknowledge this feedback before summarizing it");
        }
        switch (understanding) {
            case AWAITING_ANSWER -> throw new StateConflict("A summary is already awaiting the participant's answer");
            case CONFIRMED -> throw new StateConflict("The participant has already confirmed the summary");
            default -> apply(new UnderstandingSummarized(feedbackId, initiativeId, command.summary(), round + 1,
                    command.at(), command.actor()));
        }
    }

    @CommandHandler
    void handle(AnswerSummary command) {
        if (!receiptTokenHash.equals(command.receiptTokenHash())) {
            throw new ReceiptRejected();
        }
        Caps.text("correction", command.correction(), InputLimits.CORRECTION);
        requireRemembered();
        if (understanding != Understanding.AWAITING_ANSWER) {
            throw new StateConflict("No summary is awaiting your answer");
        }
        if (command.confirmed()) {
            apply(new UnderstandingConfirmed(feedbackId, initiativeId, round, command.at(), Actors.PARTICIPANT));
        } else if (command.correction() == null || command.correction().isBlank()) {
            throw new RuleViolation("correction", "say what the summary got wrong");
        } else {
            apply(new UnderstandingCorrected(feedbackId, initiativeId, round, command.correction(), command.at(),
                    Actors.PARTICIPANT));
        }
    }

    /**
     * Adds themes; those already there are left out, and nothing new records nothing. The read models
     * keep all of a feedback's themes as one list, so the whole, not only this post, is capped.
     */
    @CommandHandler
    void handle(ThemeFeedback command) {
        Caps.items("themes", command.themes(), InputLimits.THEMES_PER_POST);
        List<String> fresh = command.themes().stream()
                .map(theme -> theme.strip().toLowerCase(Locale.ROOT))
                .filter(theme -> !theme.isEmpty() && !themes.contains(theme))
                .distinct()
                .toList();
        fresh.forEach(theme -> Caps.line("themes", theme, InputLimits.THEME));
        if (themes.size() + fresh.size() > InputLimits.THEMES) {
            throw new RuleViolation("themes", "a piece of feedback holds at most " + InputLimits.THEMES
                    + " themes; it has " + themes.size());
        }
        if (!fresh.isEmpty()) {
            apply(new FeedbackThemed(feedbackId, initiativeId, fresh, command.at(), command.actor()));
        }
    }

    /** Closing twice is not an error: a later learning may name the same feedback. */
    @CommandHandler
    void handle(CloseLoop command) {
        if (!loopClosed) {
            apply(new FeedbackLoopClosed(feedbackId, initiativeId, command.learningId(), command.at(),
                    command.actor()));
        }
    }

    /** Stopping what is stopped, or was never asked for, records nothing: a mail client may post twice. */
    /** With no receipt, the participant was known by the number they gave (a STOP texted from it). */
    @CommandHandler
    void handle(StopFollowUp command) {
        if (command.receiptTokenHash() != null && !receiptTokenHash.equals(command.receiptTokenHash())) {
            throw new ReceiptRejected();
        }
        boolean any = command.channel() == null ? !followedUpOn.isEmpty() : followedUpOn.contains(command.channel());
        if (any && !forgotten) {
            apply(new FollowUpStopped(feedbackId, initiativeId, command.channel(), command.at(), command.actor()));
        }
    }

    /**
     * Only a channel consented to and stopped resumes; a forgotten participant is never written to again. With no
     * receipt, the participant was known by the number they gave (a START texted from it).
     */
    @CommandHandler
    void handle(ResumeFollowUp command) {
        if (command.receiptTokenHash() != null && !receiptTokenHash.equals(command.receiptTokenHash())) {
            throw new ReceiptRejected();
        }
        if (!forgotten && stoppedOn.contains(command.channel())) {
            apply(new FollowUpResumed(feedbackId, initiativeId, command.channel(), command.at(), command.actor()));
        }
    }

    /** Forgetting twice is not an error: the participant may press the button again. */
    @CommandHandler
    void handle(ForgetParticipant command) {
        if (command.receiptTokenHash() != null && !receiptTokenHash.equals(command.receiptTokenHash())) {
            throw new ReceiptRejected();
        }
        if (!forgotten) {
            apply(new ParticipantForgotten(feedbackId, initiativeId, command.at(), command.actor()));
        }
    }

    private void requireRemembered() {
        if (forgotten) {
            throw new StateConflict("The participant who sent this feedback asked to be forgotten");
        }
    }

    private void requireOpenLoop() {
        if (loopClosed) {
            throw new StateConflict("The loop of this feedback is closed");
        }
    }

    @EventSourcingHandler
    void on(FeedbackSubmitted event) {
        feedbackId = event.feedbackId();
        initiativeId = event.initiativeId();
        receiptTokenHash = event.receiptTokenHash();
    }

    @EventSourcingHandler
    void on(FollowUpConsented event) {
        followedUpOn.add(event.channel());
    }

    @EventSourcingHandler
    void on(FollowUpStopped event) {
        Set<FollowUpChannel> stopped = event.channel() == null ? EnumSet.copyOf(followedUpOn)
                : EnumSet.of(event.channel());
        stopped.retainAll(followedUpOn);
        followedUpOn.removeAll(stopped);
        stoppedOn.addAll(stopped);
    }

    @EventSourcingHandler
    void on(FollowUpResumed event) {
        stoppedOn.remove(event.channel());
        followedUpOn.add(event.channel());
    }

    @EventSourcingHandler
    void on(FeedbackAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(UnderstandingSummarized event) {
        understanding = Understanding.AWAITING_ANSWER;
        round = event.round();
    }

    @EventSourcingHandler
    void on(UnderstandingConfirmed event) {
        understanding = Understanding.CONFIRMED;
    }

    @EventSourcingHandler
    void on(UnderstandingCorrected event) {
        understanding = Understanding.CORRECTED;
    }

    @EventSourcingHandler
    void on(FeedbackThemed event) {
        themes.addAll(event.themes());
    }

    @EventSourcingHandler
    void on(FeedbackLoopClosed event) {
        loopClosed = true;
    }

    @EventSourcingHandler
    void on(ParticipantForgotten event) {
        forgotten = true;
    }
}
