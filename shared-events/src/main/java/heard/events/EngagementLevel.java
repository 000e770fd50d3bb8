package heard.events;

/** How much say stakeholders have in a decision, from being told to deciding. */
public enum EngagementLevel { INFORM, CONSULT, COLLABORATE, DEFER_TO }
