package heard.command.indicator;

import heard.events.Direction;
import java.time.Instant;

public record DefineIndicator(
        String indicatorId, String initiativeId, String name, String unit, Direction direction, Instant at,
        String actor) {
}
