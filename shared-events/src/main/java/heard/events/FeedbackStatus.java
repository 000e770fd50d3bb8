package heard.events;

/** Where a piece of feedback stands in the inquire-and-respond loop. */
public enum FeedbackStatus {
    SUBMITTED, ACKNOWLEDGED, UNDERSTANDING_SUMMARIZED, CONFIRMED, CORRECTED, LOOP_CLOSED;

    /** A closed loop stays closed: a late answer to a summary is recorded but does not reopen it. */
    public FeedbackStatus then(FeedbackStatus next) {
        return this == LOOP_CLOSED ? this : next;
    }
}
