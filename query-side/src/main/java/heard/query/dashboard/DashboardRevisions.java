package heard.query.dashboard;

import heard.events.InitiativeEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Marks each initiative's figures as changed, in the same transaction as the change, for the live viewers. */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
class DashboardRevisions {
    private final JdbcTemplate db;

    DashboardRevisions(JdbcTemplate db) {
        this.db = db;
    }

    @EventHandler
    void on(InitiativeEvent event) {
        db.update("update dashboard_initiative set revision = revision + 1 where initiative_id = ?",
                event.initiativeId());
    }
}
