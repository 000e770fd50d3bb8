package heard.query.inbox;

import heard.events.Channel;
import heard.events.FeedbackStatus;
import heard.query.schema.NewRow;
import heard.query.schema.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A facilitator's view of one submission. Contact data is kept only when the participant consented. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends NewRow {
    @Id
    private String feedbackId;
    private String initiativeId;
    private String text;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String language;
    private String stakeholderGroup;
    private String contact;
    private String submittedBy;
    @Enumerated(EnumType.STRING)
    private FeedbackStatus status;
    private Instant submittedAt;
    private Instant acknowledgeBy;
    private Instant acknowledgedAt;
    private String summary;
    private String correction;
    @Convert(converter = StringListConverter.class)
    private List<String> themes = new ArrayList<>();
    private Instant loopClosedAt;
    private Instant forgottenAt;
    private String acknowledgedBy;
    private String summarizedBy;
    @Convert(converter = StringListConverter.class)
    private List<String> themedBy = new ArrayList<>();

    protected InboxItem() {
    }

    @Override
    public String getId() {
        return feedbackId;
    }

    InboxItem(String feedbackId, String initiativeId, String text, Channel channel, String language,
            String stakeholderGroup, String contact, String submittedBy, Instant submittedAt, Instant acknowledgeBy) {
        this.feedbackId = feedbackId;
        this.initiativeId = initiativeId;
        this.text = text;
        this.channel = channel;
        this.language = language;
        this.stakeholderGroup = stakeholderGroup;
        this.contact = contact;
        this.submittedBy = submittedBy;
        this.status = FeedbackStatus.SUBMITTED;
        this.submittedAt = submittedAt;
        this.acknowledgeBy = acknowledgeBy;
    }

    void acknowledged(Instant at, String by) {
        acknowledgedAt = at;
        acknowledgedBy = by;
        status = status.then(FeedbackStatus.ACKNOWLEDGED);
    }

    void summarized(String text, String by) {
        summary = text;
        summarizedBy = by;
        status = status.then(FeedbackStatus.UNDERSTANDING_SUMMARIZED);
    }

    void confirmed() {
        status = status.then(FeedbackStatus.CONFIRMED);
    }

    void corrected(String text) {
        correction = text;
        status = status.then(FeedbackStatus.CORRECTED);
    }

    void themed(List<String> more, String by) {
        if (!themedBy.contains(by)) {
            themedBy = new ArrayList<>(themedBy);
            themedBy.add(by);
        }
        var all = new ArrayList<>(themes);
        more.stream().filter(t -> !all.contains(t)).forEach(all::add);
        themes = all;
    }

    void forget(Instant at) {
        text = null;
        contact = null;
        summary = null;
        correction = null;
        forgottenAt = at;
    }

    void loopClosed(Instant at) {
        loopClosedAt = at;
        status = FeedbackStatus.LOOP_CLOSED;
    }

    public InboxEntry toEntry(Instant now) {
        boolean overdue = acknowledgedAt == null && loopClosedAt == null && acknowledgeBy.isBefore(now);
        return new InboxEntry(feedbackId, text, channel, language, stakeholderGroup, contact, submittedBy, status,
                submittedAt, acknowledgeBy, acknowledgedAt, overdue, summary, correction, themes, loopClosedAt,
                forgottenAt, acknowledgedBy, summarizedBy, themedBy);
    }
}
