package heard.query.indicator;

import heard.query.web.NotFound;
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

    @GetMapping("/api/initiatives/{initiativeId}/indicators")
    List<IndicatorSeries> ofInitiative(@PathVariable String initiativeId) {
        return reader.ofInitiative(initiativeId);
    }

    @GetMapping("/api/indicators/{indicatorId}")
    IndicatorSeries one(@PathVariable String indicatorId) {
        return reader.one(indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
    }
}
