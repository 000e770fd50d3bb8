package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * The health endpoint says UP only once the app takes traffic: Spring Boot marks it so after the
 * start-up runners, the demo data's among them, have finished. A script that waits for UP and then
 * opens the sample initiative finds it.
 */
@StandaloneTest
class ReadinessTest {
    Api api;

    @Autowired
    ApplicationContext context;

    @Test
    void healthIsOutOfServiceUntilTheAppTakesTraffic() {
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            Api.Response starting = api.get("/actuator/health");
            assertThat(starting.status()).isEqualTo(503);
            assertThat(starting.body()).contains("OUT_OF_SERVICE");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        Api.Response ready = api.get("/actuator/health");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }
}
