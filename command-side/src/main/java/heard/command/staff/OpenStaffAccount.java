package heard.command.staff;

import heard.events.StaffRole;
import java.time.Instant;
import java.util.List;

/** Adds a staff member; {@code passwordHash} is already hashed, and is kept apart from the events. */
public record OpenStaffAccount(String accountId, String displayName, String passwordHash, List<StaffRole> roles,
        Instant at, String actor) {
}
