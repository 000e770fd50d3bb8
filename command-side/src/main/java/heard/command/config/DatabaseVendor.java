package heard.command.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;

/** Which database this side writes to ("h2", "postgresql"), for what must differ per vendor. */
public final class DatabaseVendor {
    private DatabaseVendor() {
    }

    public static String of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName()).getId();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this side writes to", e);
        }
    }
}
