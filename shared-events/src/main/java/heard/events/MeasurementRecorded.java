package heard.events;

import java.time.Instant;

/** A value of an indicator at {@code measuredAt}, for one stakeholder group or ({@code null}) for all. */
public record MeasurementRecorded(
        String indicatorId, String initiativeId, double value, Instant measuredAt, String stakeholderGroup,
        Instant at, String actor)
        implements InitiativeEvent {
}
