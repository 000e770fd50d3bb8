package heard.query.receipt;

/**
 * The steps of a participant's timeline; at the same instant they sort in this order.
 * DECISION_INFORMED: their feedback was named as evidence for a decision; DECISION_REVISED: it
 * triggered a revision of one; FORGOTTEN: the participant was forgotten. Stored by name, so new
 * kinds may go anywhere in the order.
 */
public enum StepKind {
    SUBMITTED, ACKNOWLEDGED, UNDERSTANDING_SUMMARIZED, UNDERSTANDING_CONFIRMED, UNDERSTANDING_CORRECTED, THEMED,
    DECISION_INFORMED, DECISION_REVISED, LEARNING_PUBLISHED, LOOP_CLOSED, FORGOTTEN;

    /** Steps whose text is the participant's own words or was written to them about those words. */
    boolean isPersonal() {
        return this == ACKNOWLEDGED || this == UNDERSTANDING_SUMMARIZED || this == UNDERSTANDING_CORRECTED;
    }
}
