package heard.query.receipt;

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

/**
 * What a participant sees of their own feedback, found by the hash of their receipt token; written by
 * {@link ReceiptRows}.
 */
@Entity
@Table(name = "receipt_view")
public class ReceiptView {
    @Id
    private String feedbackId;
    private String receiptTokenHash;
    private String initiativeId;
    private String text;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String language;
    private String stakeholderGroup;
    @Enumerated(EnumType.STRING)
    private FeedbackStatus status;
    private Instant submittedAt;
    private Instant acknowledgeBy;
    @Convert(converter = StringListConverter.class)
    private List<String> themes;
    private Instant forgottenAt;

    protected ReceiptView() {
    }

    public String feedbackId() {
        return feedbackId;
    }

    public String initiativeId() {
        return initiativeId;
    }

    public String text() {
        return text;
    }

    public Channel channel() {
        return channel;
    }

    public String language() {
        return language;
    }

    public String stakeholderGroup() {
        return stakeholderGroup;
    }

    public FeedbackStatus status() {
        return status;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant acknowledgeBy() {
        return acknowledgeBy;
    }

    public List<String> themes() {
        return themes;
    }

    public Instant forgottenAt() {
        return forgottenAt;
    }
}
