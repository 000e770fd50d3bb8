package heard.query.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh read-model schema, migrated as the query side migrates it, on H2 or on a PostgreSQL server. */
public final class MigratedSchemas {
    private MigratedSchemas() {
    }

    /** @param vendor {@code h2} or {@code postgresql} (then on a new database of the server) */
    public static DataSource migrated(String vendor, EmbeddedPostgres postgres) throws SQLException {
        DataSource dataSource = empty(vendor, postgres);
        migrate(dataSource, vendor, "latest");
        return dataSource;
    }

    /** A new empty database on the vendor. */
    public static DataSource empty(String vendor, EmbeddedPostgres postgres) throws SQLException {
        return vendor.equals("h2") ? h2() : postgres(postgres);
    }

    /** Migrates the database up to the given version ({@code latest} for all). */
    public static void migrate(DataSource dataSource, String vendor, String target) {
        Flyway.configure().dataSource(dataSource).table("flyway_history_query").target(target)
                .locations("classpath:db/query/common", "classpath:db/query/" + vendor).load().migrate();
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static DataSource postgres(EmbeddedPostgres postgres) throws SQLException {
        String database = "d" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + database);
        return postgres.getDatabase("postgres", database);
    }
}
