package heard.query.indicator;

import heard.query.initiative.InitiativeViews;
import heard.query.web.NotFound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class IndicatorReader {
    private final IndicatorViews indicators;
    private final Measurements measurements;
    private final InitiativeViews initiatives;

    IndicatorReader(IndicatorViews indicators, Measurements measurements, InitiativeViews initiatives) {
        this.indicators = indicators;
        this.measurements = measurements;
        this.initiatives = initiatives;
    }

    public Optional<IndicatorSeries> one(String indicatorId) {
        return indicators.findById(indicatorId).map(indicator -> series(List.of(indicator)).get(0));
    }

    /** In the order they were defined; an unknown initiative is a 404, one without indicators an empty list. */
    public List<IndicatorSeries> ofInitiative(String initiativeId) {
        if (!initiatives.existsById(initiativeId)) {
            throw new NotFound("initiative", initiativeId);
        }
        return series(indicators.findByInitiativeIdOrderByDefinedAtAscIndicatorIdAsc(initiativeId));
    }

    private List<IndicatorSeries> series(List<IndicatorView> views) {
        if (views.isEmpty()) {
            return List.of();
        }
        Map<String, List<IndicatorSeries.Point>> points = measurements
                .findByIndicatorIdInOrderByMeasuredAtAscSequenceAsc(views.stream().map(IndicatorView::indicatorId)
                        .toList())
                .stream()
                .collect(Collectors.groupingBy(Measurement::indicatorId, Collectors.mapping(
                        m -> new IndicatorSeries.Point(m.value(), m.measuredAt(), m.stakeholderGroup(), m.recordedBy()),
                        Collectors.toList())));
        return views.stream().map(v -> new IndicatorSeries(v.indicatorId(), v.initiativeId(), v.name(), v.unit(),
                v.direction(), v.definedBy(), points.getOrDefault(v.indicatorId(), List.of()))).toList();
    }
}
