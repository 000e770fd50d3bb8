package heard.query.staff;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name staff see for an account named in an event: the display name an administrator gave an
 * account added on the staff page, else the name the organization's provider last gave the subject of
 * one who signs in with it, else the account's own name (configured users, the system, a subject never
 * named). Templates call it as {@code @staffNames}.
 */
@Component
public class StaffNames {
    private final JdbcClient jdbc;

    StaffNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String of(String accountId) {
        if (accountId == null) {
            return null;
        }
        Optional<String> given = jdbc.sql("select display_name from staff_change where account_id = ?"
                        + " and change_kind = 'OPENED'")
                .param(accountId).query(String.class).optional();
        return given.or(() -> jdbc.sql("select display_name from staff_member where subject = ?")
                .param(accountId).query(String.class).optional()).orElse(accountId);
    }
}
