package heard.query.indicator;

import heard.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The shared measurement, for anyone to read. */
@RestController
class IndicatorQueryController {
    private final IndicatorReader reader;

    IndicatorQueryController(IndicatorReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "An initiative's indicators and their measurements")
    @GetMapping("/api/initiatives/{initiativeId}/indicators")
    List<IndicatorSeries> ofInitiative(@PathVariable String initiativeId) {
        return reader.ofInitiative(initiativeId);
    }

    @Operation(summary = "One indicator and its measurements")
    @GetMapping("/api/indicators/{indicatorId}")
    IndicatorSeries one(@PathVariable String indicatorId) {
        return reader.one(indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
    }
}
