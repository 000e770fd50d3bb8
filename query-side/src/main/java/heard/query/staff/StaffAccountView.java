package heard.query.staff;

import heard.events.StaffRole;
import java.time.Instant;
import java.util.List;

/** A staff account as it stands after its changes. */
public record StaffAccountView(String accountId, String displayName, List<StaffRole> roles, boolean enabled,
        Instant openedAt, String openedBy) {
    public boolean holds(String role) {
        return roles.stream().anyMatch(r -> r.name().equals(role));
    }
}
