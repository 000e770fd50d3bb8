package heard.command.staff;

import heard.events.StaffAccountDisabled;
import heard.events.StaffAccountOpened;
import heard.events.StaffRole;
import heard.events.StaffRolesSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may sign in and with which roles, as the accounts' events say: subscribing (the catalog's group),
 * so it changes in the same transaction as the events, and a sign-in right after sees it.
 */
@Component
@ProcessingGroup("catalog")
class StaffAccountUpdater {
    private final JdbcClient jdbc;

    StaffAccountUpdater(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffAccountOpened e) {
        jdbc.sql("insert into staff_account (account_id, display_name, roles, enabled, changed_at) values (?, ?, ?, ?, ?)")
                .params(e.accountId(), e.displayName(), roles(e.roles()), true, Timestamp.from(e.at())).update();
    }

    @EventHandler
    void on(StaffRolesSet e) {
        jdbc.sql("update staff_account set roles = ?, changed_at = ? where account_id = ?")
                .params(roles(e.roles()), Timestamp.from(e.at()), e.accountId()).update();
    }

    @EventHandler
    void on(StaffAccountDisabled e) {
        jdbc.sql("update staff_account set enabled = ?, changed_at = ? where account_id = ?")
                .params(false, Timestamp.from(e.at()), e.accountId()).update();
    }

    private static String roles(List<StaffRole> roles) {
        return roles.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
