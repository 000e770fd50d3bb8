package heard.command.staff;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the name the organization's provider gives the staff member it knows as {@code subject}. */
public record NameStaffMember(@TargetAggregateIdentifier String memberId, String subject, String displayName,
        Instant at) {

    public static NameStaffMember of(String subject, String displayName, Instant at) {
        return new NameStaffMember(StaffMember.idOf(subject), subject, displayName, at);
    }
}
