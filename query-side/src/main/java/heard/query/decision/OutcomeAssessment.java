package heard.query.decision;

import heard.events.Verdict;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What was observed of one version of a decision, and what it says of the hypothesis. */
@Entity
@Table(name = "decision_outcome")
public class OutcomeAssessment {
    @Id
    private String outcomeId;
    private String decisionId;
    private String initiativeId;
    private int version;
    private long sequence;
    @Enumerated(EnumType.STRING)
    private Verdict verdict;
    private String observed;
    private String note;
    private Instant at;
    private String author;

    protected OutcomeAssessment() {
    }

    OutcomeAssessment(String decisionId, String initiativeId, int version, long sequence, Verdict verdict,
            String observed, String note, Instant at, String author) {
        this.outcomeId = decisionId + ":" + sequence;
        this.decisionId = decisionId;
        this.initiativeId = initiativeId;
        this.version = version;
        this.sequence = sequence;
        this.verdict = verdict;
        this.observed = observed;
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

    public Verdict verdict() {
        return verdict;
    }

    public String observed() {
        return observed;
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
