package heard.events;

/** Which way an indicator should move. */
public enum Direction { UP, DOWN }
