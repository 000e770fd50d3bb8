package heard.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The staff's daily digest came due for {@code day} (in the zone the digest is scheduled in): each facilitator
 * with an e-mail address is then written what waits for them, once for the day however often it comes due.
 */
public record StaffDigestDue(LocalDate day, Instant at, String actor) {
}
