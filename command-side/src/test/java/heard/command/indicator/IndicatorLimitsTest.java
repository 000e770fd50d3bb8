package heard.command.indicator;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.command.catalog.InMemoryCatalog;
import heard.events.Direction;
import heard.limits.InputLimits;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An indicator holds only a name and unit its read models can store. */
class IndicatorLimitsTest {
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(new InMemoryCatalog().withInitiative("initiative-1", 72, "parents"));
    }

    @Test
    void aNameLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(define("n".repeat(InputLimits.INDICATOR_NAME + 1), "%"))
                .expectException(ruleViolationOn("name"))
                .expectNoEvents();
    }

    @Test
    void aUnitLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(define("Minutes waiting", "u".repeat(InputLimits.INDICATOR_UNIT + 1)))
                .expectException(ruleViolationOn("unit"))
                .expectNoEvents();
    }

    private static DefineIndicator define(String name, String unit) {
        return new DefineIndicator("indicator-1", "initiative-1", name, unit, Direction.DOWN, AT, "analyst");
    }
}
