package heard.query.staff;

import java.time.Instant;

/** A staff member who signs in with the organization's provider: its subject, and the name it last gave them. */
public record StaffMemberView(String subject, String displayName, Instant namedAt) {
}
