package heard.command.staff;

import heard.events.StaffRole;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetStaffRoles(@TargetAggregateIdentifier String accountId, List<StaffRole> roles, Instant at,
        String actor) {
}
