package heard.query.returned;

/** The steps of a participant's timeline; at the same instant they sort in this order. */
public enum StepKind {
    SUBMITTED, ACKNOWLEDGED, UNDERSTANDING_SUMMARIZED, UNDERSTANDING_CONFIRMED, UNDERSTANDING_CORRECTED, THEMED,
    LEARNING_PUBLISHED, LOOP_CLOSED
}
