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
}
