package heard.command.indicator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.catalog.Catalog;
import heard.command.refusals.Caps;
import heard.command.refusals.NotFound;
import heard.command.refusals.RuleViolation;
import heard.events.IndicatorDefined;
import heard.events.MeasurementRecorded;
import heard.limits.InputLimits;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** Shared measurement: what an initiative agrees to watch, and the values it records over time. */
@Aggregate
public class Indicator {
    @AggregateIdentifier
    private String indicatorId;
    private String initiativeId;

    protected Indicator() {
    }

    @CommandHandler
    public Indicator(DefineIndicator command, Catalog catalog) {
        Caps.text("name", command.name(), InputLimits.INDICATOR_NAME);
        Caps.text("unit", command.unit(), InputLimits.INDICATOR_UNIT);
        if (catalog.initiative(command.initiativeId()).isEmpty()) {
            throw new NotFound("initiative", command.initiativeId());
        }
        apply(new IndicatorDefined(command.indicatorId(), command.initiativeId(), command.name(), command.unit(),
                command.direction(), command.at(), command.actor()));
    }

    @CommandHandler
    void handle(RecordMeasurement command, Catalog catalog) {
        if (!Double.isFinite(command.value())) {
            throw new RuleViolation("value", "a measurement is a finite number");
        }
        String group = command.stakeholderGroup();
        if (group != null && catalog.initiative(initiativeId)
                .map(initiative -> !initiative.groupCodes().contains(group)).orElse(true)) {
            throw new RuleViolation("stakeholderGroup", "not a stakeholder group of this initiative: " + group);
        }
        apply(new MeasurementRecorded(indicatorId, initiativeId, command.value(), command.measuredAt(), group,
                command.at(), command.actor()));
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        initiativeId = event.initiativeId();
    }
}
