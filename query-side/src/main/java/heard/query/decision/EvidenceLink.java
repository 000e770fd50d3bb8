package heard.query.decision;

import heard.query.schema.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Feedback linked to a decision after its proposal, one row per link; its id is the event's place in the stream. */
@Entity
@Table(name = "decision_evidence")
public class EvidenceLink {
    @Id
    private String linkId;
    private String decisionId;
    private String initiativeId;
    private int version;
    private long sequence;
    @Convert(converter = StringListConverter.class)
    private List<String> feedbackIds;
    private String note;
    private Instant at;
    private String author;

    protected EvidenceLink() {
    }

    EvidenceLink(String decisionId, String initiativeId, int version, long sequence, List<String> feedbackIds,
            String note, Instant at, String author) {
        this.linkId = decisionId + ":" + sequence;
        this.decisionId = decisionId;
        this.initiativeId = initiativeId;
        this.version = version;
        this.sequence = sequence;
        this.feedbackIds = feedbackIds == null ? List.of() : List.copyOf(feedbackIds);
        this.note = note;
        this.at = at;
        this.author = author;
    }

    public String decisionId() {
        return decisionId;
    }

    public int version() {
        return version;
    }

    public long sequence() {
        return sequence;
    }

    public List<String> feedbackIds() {
        return feedbackIds;
    }

    public String note() {
        return note;
    }

    public Instant at() {
        return at;
    }

    public String author() {
        return author;
    }
}
