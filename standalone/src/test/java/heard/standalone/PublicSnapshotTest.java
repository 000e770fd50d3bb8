package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.CaughtUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A public snapshot of part of the log (the dashboard's projection stopped, starting or rebuilding) would hold
 * the public figures back until each count it left out had moved by a whole step: none is kept until the
 * projection has caught up.
 */
@StandaloneTest
class PublicSnapshotTest {
    Api api;
    Loop loop;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate db;

    private int snapshots(String initiativeId) {
        return db.queryForObject("select count(*) from dashboard_public where initiative_id = ?", Integer.class,
                initiativeId);
    }

    @Test
    void noSnapshotIsKeptUntilTheDashboardHasCaughtUpWithTheLog() {
        String initiativeId = loop.launchInitiative();
        loop.submit(initiativeId, "Read before the dashboard caught up");
        String dashboard = "/api/initiatives/" + initiativeId + "/dashboard";
        eventually()
                .until(() -> api.get(dashboard, Api.as("analyst")).json().at("/participation/total").asInt() == 1);
        StreamingEventProcessor projection = processing.eventProcessor("dashboard", StreamingEventProcessor.class)
                .orElseThrow();

        projection.shutDown();
        try {
            assertThat(api.get(dashboard).status()).isEqualTo(200);
            assertThat(snapshots(initiativeId)).isZero();
        } finally {
            projection.start();
        }

        eventually().until(() -> CaughtUp.settled(projection));
        assertThat(api.get(dashboard).status()).isEqualTo(200);
        assertThat(snapshots(initiativeId)).isEqualTo(1);
    }
}
