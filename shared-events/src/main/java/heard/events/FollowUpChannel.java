package heard.events;

/** How a participant asked to be told what became of their feedback. */
public enum FollowUpChannel { EMAIL, SMS }
