package heard.events;

import java.time.Instant;

/**
 * A staff member who signs in with the organization's provider, known in every event they cause by the
 * provider's stable {@code subject}, goes by this name there: recorded the first time they sign in, and
 * again only when the provider gives another name.
 */
public record StaffMemberNamed(String subject, String displayName, Instant at) {
}
