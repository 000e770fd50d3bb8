package heard.events;

/** What a staff account may do: answer participants, read the figures, decide, or run the system. */
public enum StaffRole {
    FACILITATOR, ANALYST, LEADER, ADMIN
}
