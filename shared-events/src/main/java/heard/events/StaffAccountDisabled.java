package heard.events;

import java.time.Instant;

/** An administrator disabled a staff account: it signs in no more, and its open sessions end. */
public record StaffAccountDisabled(String accountId, Instant at, String actor) {
}
