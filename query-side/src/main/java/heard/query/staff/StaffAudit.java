package heard.query.staff;

import heard.events.StaffRole;
import java.time.Instant;
import java.util.List;

/**
 * For an administrator: the accounts added on the staff page, every change to them (newest first) with
 * who made it, and who signs in with the organization's provider under which name. {@code actor} is the
 * account the change's event names; {@code actorName} the name staff know it by, which is the account
 * itself when it has no other.
 */
public record StaffAudit(List<StaffAccountView> accounts, List<Change> history, List<StaffMemberView> members) {

    public record Change(String accountId, String kind, String displayName, List<StaffRole> roles, Instant at,
            String actor, String actorName) {
    }
}
