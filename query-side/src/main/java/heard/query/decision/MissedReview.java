package heard.query.decision;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A review date of one version that passed without an assessment. */
@Entity
@Table(name = "decision_review_due")
public class MissedReview {
    @Id
    private String reviewId;
    private String decisionId;
    private String initiativeId;
    private int version;
    private long sequence;
    private LocalDate reviewBy;
    private Instant at;
    private String author;

    protected MissedReview() {
    }

    MissedReview(String decisionId, String initiativeId, int version, long sequence, LocalDate reviewBy, Instant at,
            String author) {
        this.reviewId = decisionId + ":" + sequence;
        this.decisionId = decisionId;
        this.initiativeId = initiativeId;
        this.version = version;
        this.sequence = sequence;
        this.reviewBy = reviewBy;
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

    public LocalDate reviewBy() {
        return reviewBy;
    }

    public Instant at() {
        return at;
    }

    public String author() {
        return author;
    }
}
