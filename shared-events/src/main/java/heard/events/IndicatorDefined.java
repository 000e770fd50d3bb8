package heard.events;

import java.time.Instant;

/** A shared measurement of an initiative. */
public record IndicatorDefined(
        String indicatorId, String initiativeId, String name, String unit, Direction direction, Instant at,
        String actor)
        implements InitiativeEvent {
}
