package heard.events;

/** How a piece of feedback reached the initiative. */
public enum Channel { WEB, SMS, EMAIL, MEETING, SURVEY, PHONE, PAPER }
