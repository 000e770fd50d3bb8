package heard.query.initiative;

import heard.events.InitiativeLaunched;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The initiative summaries, for tests of read models that look an initiative up. */
@TestConfiguration(proxyBeanMethods = false)
@Import(InitiativeProjection.class)
public class InitiativeReadModel {
    private final InitiativeProjection projection;

    InitiativeReadModel(InitiativeProjection projection) {
        this.projection = projection;
    }

    public void on(InitiativeLaunched event) {
        projection.on(event);
    }
}
