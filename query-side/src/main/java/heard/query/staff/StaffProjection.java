package heard.query.staff;

import heard.events.StaffAccountDisabled;
import heard.events.StaffAccountOpened;
import heard.events.StaffRolesSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Who could act, and who granted it when: the staff accounts' changes, for the administrators' page. */
@Component
@ProcessingGroup("staff")
class StaffProjection {
    private final StaffChanges changes;

    StaffProjection(StaffChanges changes) {
        this.changes = changes;
    }

    @ResetHandler
    void reset() {
        changes.clear();
    }

    @EventHandler
    void on(StaffAccountOpened e, @SequenceNumber long seq) {
        changes.add(new StaffChange(e.accountId(), seq, "OPENED", e.displayName(), e.roles(), e.at(), e.actor()));
    }

    @EventHandler
    void on(StaffRolesSet e, @SequenceNumber long seq) {
        changes.add(new StaffChange(e.accountId(), seq, "ROLES_SET", null, e.roles(), e.at(), e.actor()));
    }

    @EventHandler
    void on(StaffAccountDisabled e, @SequenceNumber long seq) {
        changes.add(new StaffChange(e.accountId(), seq, "DISABLED", null, null, e.at(), e.actor()));
    }
}
