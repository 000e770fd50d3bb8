package heard.query.schema;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The query side's tables, as Flyway migrations with their own history table so that both sides can share one
 * database: portable scripts in {@code common}, the rest per vendor. The live schema and a rebuild's shadow
 * copies are made from the same scripts.
 */
public final class QueryMigrations {
    private QueryMigrations() {
    }

    /** The query side's migrations for the database behind {@code dataSource}, into its default schema. */
    public static FluentConfiguration of(DataSource dataSource) throws SQLException {
        return Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_history_query")
                .locations("classpath:db/query/common", "classpath:db/query/" + vendor(dataSource).getId(),
                        "classpath:db/sessions/common", "classpath:db/sessions/" + vendor(dataSource).getId());
    }

    public static DatabaseDriver vendor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName());
        }
    }
}
