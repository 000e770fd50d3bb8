package heard.query.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import heard.events.Direction;
import java.time.Instant;
import java.util.List;

/** An indicator and its values in the order they were measured. */
public record IndicatorSeries(
        String indicatorId,
        String initiativeId,
        String name,
        String unit,
        Direction direction,
        String definedBy,
        List<Point> measurements) {

    /** One value, for one stakeholder group or (no group) for everyone, and who recorded it. */
    public record Point(double value, Instant measuredAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String stakeholderGroup, String recordedBy) {
    }
}
