package heard.query.staff;

import heard.events.StaffRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The staff accounts' history, and the accounts as it leaves them. */
@Component
public class StaffChanges {
    private final JdbcClient jdbc;

    StaffChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(StaffChange change) {
        jdbc.sql("insert into staff_change (account_id, seq, change_kind, display_name, roles, changed_at, actor)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(change.accountId(), change.seq(), change.kind(), change.displayName(),
                        change.roles() == null ? null : change.roles().stream().map(Enum::name)
                                .collect(Collectors.joining(",")),
                        Timestamp.from(change.at()), change.actor())
                .update();
    }

    void clear() {
        jdbc.sql("delete from staff_change").update();
    }

    /** Newest first. */
    public List<StaffChange> history() {
        return jdbc.sql("select * from staff_change order by changed_at desc, account_id, seq desc")
                .query(StaffChanges::change).list();
    }

    /** In the order they were opened. */
    public List<StaffAccountView> accounts() {
        Map<String, StaffAccountView> accounts = new LinkedHashMap<>();
        List<StaffChange> oldestFirst = new ArrayList<>(history());
        Collections.reverse(oldestFirst);
        for (StaffChange change : oldestFirst) {
            StaffAccountView before = accounts.get(change.accountId());
            accounts.put(change.accountId(), switch (change.kind()) {
                case "OPENED" -> new StaffAccountView(change.accountId(), change.displayName(), change.roles(), true,
                        change.at(), change.actor());
                case "ROLES_SET" -> before == null ? null : new StaffAccountView(before.accountId(),
                        before.displayName(), change.roles(), before.enabled(), before.openedAt(), before.openedBy());
                default -> before == null ? null : new StaffAccountView(before.accountId(), before.displayName(),
                        before.roles(), false, before.openedAt(), before.openedBy());
            });
        }
        accounts.values().removeIf(Objects::isNull);
        return List.copyOf(accounts.values());
    }

    private static StaffChange change(ResultSet row, int n) throws SQLException {
        String roles = row.getString("roles");
        return new StaffChange(row.getString("account_id"), row.getLong("seq"), row.getString("change_kind"),
                row.getString("display_name"), roles == null ? null : Arrays.stream(roles.split(","))
                        .filter(r -> !r.isBlank()).map(StaffRole::valueOf).toList(),
                row.getTimestamp("changed_at").toInstant(), row.getString("actor"));
    }
}
