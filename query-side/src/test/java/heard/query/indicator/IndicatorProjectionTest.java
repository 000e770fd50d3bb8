package heard.query.indicator;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.Direction;
import heard.events.IndicatorDefined;
import heard.events.MeasurementRecorded;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import heard.query.initiative.InitiativeReadModel;
import heard.query.web.NotFound;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ProjectionTest
@Import({IndicatorProjection.class, IndicatorReader.class, InitiativeReadModel.class})
class IndicatorProjectionTest {
    private static final String INITIATIVE = "initiative-1";

    @Autowired
    IndicatorProjection projection;
    @Autowired
    IndicatorReader reader;
    @Autowired
    InitiativeReadModel initiatives;
    @Autowired
    EventDelivery delivery;

    @BeforeEach
    void launchInitiative() {
        delivery.deliver(() -> initiatives.on(launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(3600))));
    }

    private static IndicatorDefined defined(String id, String initiative, String name, Direction direction,
            Instant at) {
        return new IndicatorDefined(id, initiative, name, "%", direction, at, "analyst");
    }

    private static MeasurementRecorded measured(String id, double value, Instant measuredAt, String group) {
        return new MeasurementRecorded(id, INITIATIVE, value, measuredAt, group, hoursAfterT0(100), "analyst");
    }

    @Test
    void eachIndicatorKeepsItsValuesInTheOrderTheyWereMeasured() {
        delivery.deliver(() -> projection.on(defined("walk", INITIATIVE, "Children who walk", Direction.UP, T0)));
        delivery.deliver(() -> projection.on(defined("late", INITIATIVE, "Late arrivals", Direction.DOWN,
                hoursAfterT0(1))));
        delivery.deliver(() -> projection.on(defined("other", "initiative-2", "Elsewhere", Direction.UP, T0)));
        // recorded out of the order they were measured in
        delivery.deliver(() -> projection.on(measured("walk", 31.5, hoursAfterT0(48), null), 1));
        delivery.deliver(() -> projection.on(measured("walk", 20, hoursAfterT0(24), null), 2));
        delivery.deliver(() -> projection.on(measured("walk", 25, hoursAfterT0(24), "parents"), 3));
        delivery.deliver(() -> projection.on(measured("late", 12, hoursAfterT0(24), "staff"), 1));

        IndicatorSeries walk = reader.one("walk").orElseThrow();
        assertThat(walk.name()).isEqualTo("Children who walk");
        assertThat(walk.unit()).isEqualTo("%");
        assertThat(walk.direction()).isEqualTo(Direction.UP);
        assertThat(walk.initiativeId()).isEqualTo(INITIATIVE);
        assertThat(walk.measurements()).containsExactly(
                new IndicatorSeries.Point(20, hoursAfterT0(24), null, "analyst"),
                new IndicatorSeries.Point(25, hoursAfterT0(24), "parents", "analyst"),
                new IndicatorSeries.Point(31.5, hoursAfterT0(48), null, "analyst"));

        assertThat(reader.ofInitiative(INITIATIVE)).extracting(IndicatorSeries::indicatorId)
                .containsExactly("walk", "late");
        assertThat(reader.ofInitiative(INITIATIVE).get(1).measurements())
                .containsExactly(new IndicatorSeries.Point(12, hoursAfterT0(24), "staff", "analyst"));
    }

    @Test
    void aRedeliveredEventDoesNotRepeatAValue() {
        delivery.deliver(() -> projection.on(defined("walk", INITIATIVE, "Children who walk", Direction.UP, T0)));
        delivery.deliver(() -> projection.on(measured("walk", 20, hoursAfterT0(24), null), 1));
        delivery.deliver(() -> projection.on(defined("walk", INITIATIVE, "Children who walk", Direction.UP, T0)));
        delivery.deliver(() -> projection.on(measured("walk", 20, hoursAfterT0(24), null), 1));

        assertThat(reader.one("walk").orElseThrow().measurements()).hasSize(1);
        assertThat(reader.ofInitiative(INITIATIVE)).hasSize(1);
    }

    @Test
    void anUnknownIndicatorOrInitiativeIsNotFound() {
        assertThat(reader.one("nope")).isEmpty();
        assertThat(reader.ofInitiative(INITIATIVE)).isEmpty();
        assertThatThrownBy(() -> reader.ofInitiative("initiative-9")).isInstanceOf(NotFound.class);
    }
}
