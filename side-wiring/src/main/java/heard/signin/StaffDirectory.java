package heard.signin;

import heard.events.StaffRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Every staff member who may sign in with a name and password: the users in configuration
 * ({@code heard.security.users}, the demo users among them), then the accounts administrators added on
 * their page, read from the database at each sign-in, so that an account added there can act at once
 * and a disabled one cannot. A name in configuration cannot be taken by an account.
 */
public final class StaffDirectory implements UserDetailsService {
    private static final String ACCOUNT = "select a.roles, a.enabled, p.password_hash from staff_account a"
            + " join staff_password p on p.account_id = a.account_id where a.account_id = ?";

    private final UserDetailsService configured;
    private final DataSource database;

    public StaffDirectory(UserDetailsService configured, DataSource database) {
        this.configured = configured;
        this.database = database;
    }

    /** Whether the name belongs to a user in configuration. */
    public boolean configures(String name) {
        try {
            configured.loadUserByUsername(name);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        try {
            return configured.loadUserByUsername(name);
        } catch (UsernameNotFoundException notConfigured) {
            return account(name.toLowerCase(Locale.ROOT));
        }
    }

    private UserDetails account(String accountId) {
        Connection connection = DataSourceUtils.getConnection(database);
        try (PreparedStatement select = connection.prepareStatement(ACCOUNT)) {
            select.setString(1, accountId);
            try (ResultSet found = select.executeQuery()) {
                if (!found.next()) {
                    throw new UsernameNotFoundException("no such staff account");
                }
                String[] roles = Arrays.stream(found.getString(1).split(",")).filter(r -> !r.isBlank())
                        .map(StaffRole::valueOf).map(Enum::name).toArray(String[]::new);
                return User.withUsername(accountId).password(found.getString(3)).roles(roles)
                        .disabled(!found.getBoolean(2)).build();
            }
        } catch (SQLException e) {
            throw new UsernameNotFoundException("staff accounts cannot be read", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, database);
        }
    }
}
