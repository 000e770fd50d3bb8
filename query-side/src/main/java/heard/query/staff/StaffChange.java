package heard.query.staff;

import heard.events.StaffRole;
import java.time.Instant;
import java.util.List;

/** One change to a staff account: OPENED (with its name and roles), ROLES_SET, or DISABLED. */
public record StaffChange(String accountId, long seq, String kind, String displayName, List<StaffRole> roles,
        Instant at, String actor) {
}
