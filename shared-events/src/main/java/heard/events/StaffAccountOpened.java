package heard.events;

import java.time.Instant;
import java.util.List;

/**
 * An administrator added a staff member who signs in with a password kept by Heard. {@code accountId} is
 * the name they sign in with, which never changes; the password is never part of an event.
 */
public record StaffAccountOpened(String accountId, String displayName, List<StaffRole> roles, Instant at,
        String actor) {
}
