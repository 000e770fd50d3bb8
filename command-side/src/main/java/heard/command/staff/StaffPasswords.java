package heard.command.staff;

import heard.signin.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hashed passwords of the accounts added on the administrators' page, kept beside (never in) their events. */
@Component
public class StaffPasswords {
    private final JdbcClient jdbc;
    private final StaffDirectory directory;

    StaffPasswords(JdbcClient jdbc, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    boolean configured(String name) {
        return directory.configures(name);
    }

    /** In the command's transaction: an account opened twice fails here, and records nothing. */
    void keep(String accountId, String passwordHash) {
        jdbc.sql("insert into staff_password (account_id, password_hash) values (?, ?)")
                .params(accountId, passwordHash).update();
    }
}
