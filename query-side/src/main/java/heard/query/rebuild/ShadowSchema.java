package heard.query.rebuild;

import heard.query.schema.QueryMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * A schema of its own per projection being rebuilt, holding empty copies of the projection's tables
 * (made by the same migrations as the live ones). A transaction that enters it finds those copies
 * first, and every other table (tokens, dead letters, the other projections') in the live schema.
 */
@Component
public class ShadowSchema {
    private final DataSource dataSource;
    private final JdbcTemplate db;
    private final DatabaseDriver vendor;
    private final String live;

    ShadowSchema(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.db = new JdbcTemplate(dataSource);
        this.vendor = QueryMigrations.vendor(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.live = connection.getSchema();
        }
    }

    static String nameOf(String projection) {
        return "heard_rebuild_" + projection.replace('-', '_');
    }

    /** The schema the read models are answered from. */
    String live() {
        return live;
    }

    DatabaseDriver vendor() {
        return vendor;
    }

    /**
     * Makes the projection's copies afresh and empty. Each statement commits on its own. Schemas are made and
     * dropped one at a time: H2 fails to list its schemas (which the migrations do) while another is dropped.
     */
    synchronized void create(String projection) throws SQLException {
        String schema = nameOf(projection);
        drop(projection);
        QueryMigrations.of(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true).load().migrate();
        Set<String> owned = new HashSet<>(ReadModelTables.of(projection));
        owned.add(ReadModelTables.APPLIED);
        List<String> tables = db.queryForList(
                "select table_name from information_schema.tables where table_schema = ?", String.class, schema);
        for (String table : tables) {
            if (!owned.contains(table.toLowerCase(Locale.ROOT))) {
                db.execute("drop table " + quoted(schema) + "." + quoted(table) + " cascade");
            }
        }
    }

    synchronized void drop(String projection) {
        db.execute("drop schema if exists " + quoted(nameOf(projection)) + " cascade");
    }

    /**
     * Points the current transaction's statements at the projection's copies. On PostgreSQL the
     * search path is set for the transaction alone; on H2 the connection's schema is set through the
     * pool, which sets it back when the connection is returned (see {@code PoolResetsSchema}).
     */
    void enter(String projection) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String schema = nameOf(projection);
        try {
            if (vendor == DatabaseDriver.POSTGRESQL) {
                db.execute("set local search_path to " + quoted(schema) + ", " + quoted(live));
            } else {
                try (var statement = connection.createStatement()) {
                    statement.execute("set schema_search_path " + quoted(live));
                }
                connection.setSchema(schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enter the rebuild schema of " + projection, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
