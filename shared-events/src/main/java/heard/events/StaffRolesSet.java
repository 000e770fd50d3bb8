package heard.events;

import java.time.Instant;
import java.util.List;

/** An administrator gave a staff account these roles, in place of the ones it had. */
public record StaffRolesSet(String accountId, List<StaffRole> roles, Instant at, String actor) {
}
