package heard.query.returned;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The title of a decision, for the steps of the revisions and links that do not repeat it. */
@Entity
@Table(name = "receipt_decision")
public class ReceiptDecision {
    @Id
    private String decisionId;
    private String title;

    protected ReceiptDecision() {
    }

    ReceiptDecision(String decisionId, String title) {
        this.decisionId = decisionId;
        this.title = title;
    }

    public String title() {
        return title;
    }
}
