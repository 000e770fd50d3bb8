package heard.query.followup;

/** What happened to a participant's feedback that they are told of; each has its line in the message bundles. */
public enum MessageKind {
    ACKNOWLEDGED, SUMMARY_WAITING, DECISION_PROPOSED, DECISION_REVISED, DECISION_ASSESSED, LOOP_CLOSED
}
