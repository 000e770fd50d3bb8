package heard.query.staff;

import heard.events.StaffAccountDisabled;
import heard.events.StaffAccountOpened;
import heard.events.StaffMemberNamed;
import heard.events.StaffRolesSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Who could act, and who granted it when: the staff accounts' changes, for the administrators' page; and
 * the names the organization's provider gives those who sign in with it.
 */
@Component
@ProcessingGroup("staff")
class StaffProjection {
    private final StaffChanges changes;
    private final StaffMembers members;

    StaffProjection(StaffChanges changes, StaffMembers members) {
        this.changes = changes;
        this.members = members;
    }

    @ResetHandler
    void reset() {
        changes.clear();
        members.clear();
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

    @EventHandler
    void on(StaffMemberNamed e) {
        members.named(e.subject(), e.displayName(), e.at());
    }
}
