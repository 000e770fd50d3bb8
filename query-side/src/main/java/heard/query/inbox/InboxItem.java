package heard.query.inbox;

import heard.events.Channel;
import heard.events.FeedbackStatus;
import heard.query.schema.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * A facilitator's view of one submission, as {@link InboxProjection} writes it; read here, never written.
 * Contact data is kept only when the participant consented.
 */
@Entity
@Immutable
@Table(name = "inbox_item")
public class InboxItem {
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
    private List<String> themes;
    private Instant loopClosedAt;
    private Instant forgottenAt;
    private String acknowledgedBy;
    private String summarizedBy;
    @Convert(converter = StringListConverter.class)
    private List<String> themedBy;

    protected InboxItem() {
    }

    public InboxEntry toEntry(Instant now) {
        boolean overdue = acknowledgedAt == null && loopClosedAt == null && acknowledgeBy.isBefore(now);
        return new InboxEntry(feedbackId, text, channel, language, stakeholderGroup, contact, submittedBy, status,
                submittedAt, acknowledgeBy, acknowledgedAt, overdue, summary, correction, themes, loopClosedAt,
                forgottenAt, acknowledgedBy, summarizedBy, themedBy);
    }
}
