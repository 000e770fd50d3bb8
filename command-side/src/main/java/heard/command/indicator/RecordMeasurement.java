package heard.command.indicator;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A value measured at {@code measuredAt}, for one stakeholder group or ({@code null}) for everyone. */
public record RecordMeasurement(
        @TargetAggregateIdentifier String indicatorId, double value, Instant measuredAt, String stakeholderGroup,
        Instant at, String actor) {
}
