package heard.query.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The staff known from the organization's provider, each with the name it last gave them. */
@Component
public class StaffMembers {
    private final JdbcClient jdbc;

    StaffMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member's events come in order, once each: the later name replaces the one before. */
    void named(String subject, String displayName, Instant at) {
        int renamed = jdbc.sql("update staff_member set display_name = ?, named_at = ? where subject = ?")
                .params(displayName, Timestamp.from(at), subject).update();
        if (renamed == 0) {
            jdbc.sql("insert into staff_member (subject, display_name, named_at) values (?, ?, ?)")
                    .params(subject, displayName, Timestamp.from(at)).update();
        }
    }

    void clear() {
        jdbc.sql("delete from staff_member").update();
    }

    /** By name. */
    public List<StaffMemberView> all() {
        return jdbc.sql("select subject, display_name, named_at from staff_member order by display_name, subject")
                .query((row, n) -> new StaffMemberView(row.getString("subject"), row.getString("display_name"),
                        row.getTimestamp("named_at").toInstant()))
                .list();
    }
}
