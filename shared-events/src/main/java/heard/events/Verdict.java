package heard.events;

/** What the outcome says of a decision's hypothesis. */
public enum Verdict { SUPPORTED, REFUTED, INCONCLUSIVE }
