package heard.command.staff;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisableStaffAccount(@TargetAggregateIdentifier String accountId, Instant at, String actor) {
}
