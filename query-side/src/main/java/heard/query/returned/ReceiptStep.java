package heard.query.returned;

import heard.query.storage.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One step of a participant's timeline. The id comes from the event that made it (aggregate and
 * sequence, or learning and feedback), so a redelivered event writes the same row again.
 */
@Entity
@Table(name = "receipt_step")
public class ReceiptStep {
    @Id
    private String stepId;
    private String feedbackId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private StepKind kind;
    private String text;
    @Convert(converter = StringListConverter.class)
    private List<String> themes;
    private String learningId;
    private String learningTitle;
    private String decisionId;
    private String decisionTitle;
    private Integer decisionVersion;

    protected ReceiptStep() {
    }

    ReceiptStep(String stepId, String feedbackId, Instant at, StepKind kind, String text, List<String> themes,
            String learningId, String learningTitle) {
        this.stepId = stepId;
        this.feedbackId = feedbackId;
        this.at = at;
        this.kind = kind;
        this.text = text;
        this.themes = themes == null ? List.of() : themes;
        this.learningId = learningId;
        this.learningTitle = learningTitle;
    }

    /** The participant's words, and those written to them, go; public texts (a learning, a rationale) stay. */
    void forgetPersonalText() {
        if (kind.isPersonal()) {
            text = null;
        }
    }

    /** A decision the feedback informed or moved: which one, under what title, at which version. */
    static ReceiptStep decision(String stepId, String feedbackId, Instant at, StepKind kind, String text,
            String decisionId, String decisionTitle, int decisionVersion) {
        ReceiptStep step = new ReceiptStep(stepId, feedbackId, at, kind, text, List.of(), null, null);
        step.decisionId = decisionId;
        step.decisionTitle = decisionTitle;
        step.decisionVersion = decisionVersion;
        return step;
    }

    public Instant at() {
        return at;
    }

    public StepKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public List<String> themes() {
        return themes;
    }

    public String learningId() {
        return learningId;
    }

    public String learningTitle() {
        return learningTitle;
    }

    public String decisionId() {
        return decisionId;
    }

    public String decisionTitle() {
        return decisionTitle;
    }

    public Integer decisionVersion() {
        return decisionVersion;
    }
}
