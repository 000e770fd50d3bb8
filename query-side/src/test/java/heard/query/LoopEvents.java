package heard.query;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.InitiativeLaunched;
import heard.events.LearningPublished;
import heard.events.ParticipantForgotten;
import heard.events.ReceiptTokens;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.events.UnderstandingConfirmed;
import heard.events.UnderstandingCorrected;
import heard.events.UnderstandingSummarized;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The events of one piece of feedback's loop, as the command side records them. Each instance
 * holds its own receipt token, of which the events carry only the hash.
 */
public final class LoopEvents {
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    public static final int ACKNOWLEDGE_WITHIN_HOURS = 72;
    public static final String FACILITATOR = "facilitator";

    private final String feedbackId;
    private final String initiativeId;
    private final String group;
    private final String contact;
    private final boolean followUpConsent;
    private final String receiptToken = ReceiptTokens.newToken();

    private LoopEvents(String feedbackId, String initiativeId, String group, String contact, boolean followUpConsent) {
        this.feedbackId = feedbackId;
        this.initiativeId = initiativeId;
        this.group = group;
        this.contact = contact;
        this.followUpConsent = followUpConsent;
    }

    public static LoopEvents feedback(String feedbackId, String initiativeId) {
        return new LoopEvents(feedbackId, initiativeId, "parents", null, false);
    }

    public LoopEvents fromGroup(String code) {
        return new LoopEvents(feedbackId, initiativeId, code, contact, followUpConsent);
    }

    public LoopEvents withContact(String contactData, boolean consent) {
        return new LoopEvents(feedbackId, initiativeId, group, contactData, consent);
    }

    public String feedbackId() {
        return feedbackId;
    }

    public String receiptToken() {
        return receiptToken;
    }

    public static Instant hoursAfterT0(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    public static InitiativeLaunched launched(String initiativeId, String title, Instant at) {
        return new InitiativeLaunched(initiativeId, title, "How do your children get to school?",
                List.of(new StakeholderGroup("parents", "Parents", StakeholderRole.BENEFICIARY, 0.6),
                        new StakeholderGroup("staff", "School staff", StakeholderRole.PROVIDER, 0.3)),
                List.of("en", "es"), ACKNOWLEDGE_WITHIN_HOURS, at, "leader");
    }

    public static LearningPublished learningPublished(String learningId, String initiativeId, Instant at,
            String... feedbackIds) {
        return new LearningPublished(learningId, initiativeId, "Learning " + learningId, "We heard " + learningId,
                "We decided " + learningId, "We learned " + learningId, "Next for " + learningId,
                List.of("decision-1"), List.of(feedbackIds), at, "leader");
    }

    public FeedbackSubmitted submitted(Instant at) {
        return submitted(at, at.plus(Duration.ofHours(ACKNOWLEDGE_WITHIN_HOURS)));
    }

    public FeedbackSubmitted submitted(Instant at, Instant acknowledgeBy) {
        return new FeedbackSubmitted(feedbackId, initiativeId, "Words of " + feedbackId, Channel.WEB, "en", group,
                contact, followUpConsent, ReceiptTokens.hash(receiptToken), acknowledgeBy, at, Actors.PARTICIPANT);
    }

    public FeedbackAcknowledged acknowledged(Instant at) {
        return new FeedbackAcknowledged(feedbackId, initiativeId, "Thank you, we read it", at, FACILITATOR);
    }

    public UnderstandingSummarized summarized(int round, String summary, Instant at) {
        return new UnderstandingSummarized(feedbackId, initiativeId, summary, round, at, FACILITATOR);
    }

    public UnderstandingConfirmed confirmed(int round, Instant at) {
        return new UnderstandingConfirmed(feedbackId, initiativeId, round, at, Actors.PARTICIPANT);
    }

    public UnderstandingCorrected corrected(int round, String correction, Instant at) {
        return new UnderstandingCorrected(feedbackId, initiativeId, round, correction, at, Actors.PARTICIPANT);
    }

    public FeedbackThemed themed(Instant at, String... themes) {
        return new FeedbackThemed(feedbackId, initiativeId, List.of(themes), at, "analyst");
    }

    public FeedbackLoopClosed loopClosed(String learningId, Instant at) {
        return new FeedbackLoopClosed(feedbackId, initiativeId, learningId, at, "leader");
    }

    public ParticipantForgotten forgotten(Instant at) {
        return new ParticipantForgotten(feedbackId, initiativeId, at, Actors.PARTICIPANT);
    }
}
