package heard.query.indicator;

import heard.events.IndicatorDefined;
import heard.events.MeasurementRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** The shared measurement of each initiative: its indicators and the series of their values. */
@Component
@ProcessingGroup("indicators")
class IndicatorProjection {
    private final IndicatorViews indicators;
    private final Measurements measurements;

    IndicatorProjection(IndicatorViews indicators, Measurements measurements) {
        this.indicators = indicators;
        this.measurements = measurements;
    }

    @ResetHandler
    void reset() {
        indicators.deleteAllInBatch();
        measurements.deleteAllInBatch();
    }

    @EventHandler
    void on(IndicatorDefined e) {
        indicators.save(new IndicatorView(e.indicatorId(), e.initiativeId(), e.name(), e.unit(), e.direction(),
                e.at(), e.actor()));
    }

    @EventHandler
    void on(MeasurementRecorded e, @SequenceNumber long sequence) {
        measurements.save(new Measurement(e.indicatorId(), e.initiativeId(), sequence, e.value(), e.measuredAt(),
                e.stakeholderGroup(), e.at(), e.actor()));
    }
}
