package heard.query.receipt;

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
 * One step of a participant's timeline, written by {@link ReceiptRows}. The id comes from the event that made
 * it (aggregate and sequence, learning and feedback, or decision, sequence and feedback).
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
