package heard.command.indicator;

import static heard.command.refusals.Rejections.ruleViolationOn;
import static org.hamcrest.Matchers.containsString;

import heard.command.catalog.InMemoryCatalog;
import heard.command.refusals.NotFound;
import heard.events.Direction;
import heard.events.IndicatorDefined;
import heard.events.MeasurementRecorded;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String INDICATOR = "indicator-1";
    private static final String ANALYST = "analyst";
    private static final Instant DEFINED_AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant MEASURED_AT = Instant.parse("2025-03-31T00:00:00Z");
    private static final Instant RECORDED_AT = Instant.parse("2025-04-02T14:00:00Z");

    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(new InMemoryCatalog()
                .withInitiative(INITIATIVE, 72, "parents", "students")
                .withInitiative("initiative-2", 72, "landlords"));
    }

    @Nested
    class Define {
        @Test
        void recordsNameUnitAndDesiredDirection() {
            fixture.givenNoPriorActivity()
                    .when(new DefineIndicator(INDICATOR, INITIATIVE, "Families walking to school", "%",
                            Direction.UP, DEFINED_AT, ANALYST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(defined());
        }

        @Test
        void inAnUnknownInitiativeIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new DefineIndicator(INDICATOR, "no-such-initiative", "Incidents", "count", Direction.DOWN,
                            DEFINED_AT, ANALYST))
                    .expectException(NotFound.class)
                    .expectExceptionMessage(containsString("no-such-initiative"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Measure {
        @Test
        void recordsAValueForEveryone() {
            fixture.given(defined())
                    .when(new RecordMeasurement(INDICATOR, 0.36, MEASURED_AT, null, RECORDED_AT, ANALYST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MeasurementRecorded(INDICATOR, INITIATIVE, 0.36, MEASURED_AT, null,
                            RECORDED_AT, ANALYST));
        }

        @Test
        void recordsAValueForOneStakeholderGroup() {
            fixture.given(defined())
                    .when(new RecordMeasurement(INDICATOR, 0.41, MEASURED_AT, "students", RECORDED_AT, ANALYST))
                    .expectEvents(new MeasurementRecorded(INDICATOR, INITIATIVE, 0.41, MEASURED_AT, "students",
                            RECORDED_AT, ANALYST));
        }

        @Test
        void mayBeNegativeOrZero() {
            fixture.given(defined())
                    .when(new RecordMeasurement(INDICATOR, -2.5, MEASURED_AT, null, RECORDED_AT, ANALYST))
                    .expectEvents(new MeasurementRecorded(INDICATOR, INITIATIVE, -2.5, MEASURED_AT, null,
                            RECORDED_AT, ANALYST));
        }

        @Test
        void forAGroupOfAnotherInitiativeIsRefused() {
            fixture.given(defined())
                    .when(new RecordMeasurement(INDICATOR, 0.4, MEASURED_AT, "landlords", RECORDED_AT, ANALYST))
                    .expectException(ruleViolationOn("stakeholderGroup"))
                    .expectExceptionMessage(containsString("landlords"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void thatIsNotAFiniteNumberIsRefused(double value) {
            fixture.given(defined())
                    .when(new RecordMeasurement(INDICATOR, value, MEASURED_AT, null, RECORDED_AT, ANALYST))
                    .expectException(ruleViolationOn("value"))
                    .expectNoEvents();
        }

        @Test
        void ofAnUnknownIndicatorIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new RecordMeasurement(INDICATOR, 0.4, MEASURED_AT, null, RECORDED_AT, ANALYST))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    private static IndicatorDefined defined() {
        return new IndicatorDefined(INDICATOR, INITIATIVE, "Families walking to school", "%", Direction.UP,
                DEFINED_AT, ANALYST);
    }
}
