package heard.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import heard.query.schema.QueryMigrations;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a rebuild relies on, on each database: a transaction that enters a projection's shadow schema
 * writes that projection's copies and every other table live, entering commits nothing, statements
 * parsed before are not reused against the live tables, and the connection goes back to the pool in the
 * live schema. The pool holds one connection, so every check gets the connection the last one used.
 */
abstract class ShadowSchemaContract {
    HikariDataSource setup;
    HikariDataSource pool;
    JdbcTemplate db;
    TransactionTemplate transaction;
    ShadowSchema shadow;

    abstract String url();

    @BeforeEach
    void migrate() throws Exception {
        // migrations take two connections; the pool under test has one
        setup = pool(3);
        QueryMigrations.of(setup).load().migrate();
        new ShadowSchema(setup).create("dashboard");
        pool = pool(1);
        db = new JdbcTemplate(pool);
        db.update("delete from dashboard_count");
        db.update("delete from token_entry");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        shadow = new ShadowSchema(pool);
    }

    private HikariDataSource pool(int size) {
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl(url());
        hikari.setUsername(user());
        hikari.setMaximumPoolSize(size);
        return (HikariDataSource) new PoolResetsSchema().postProcessBeforeInitialization(hikari, "dataSource");
    }

    String user() {
        return "sa";
    }

    void closePool() {
        pool.close();
        setup.close();
    }

    private void count(String initiative) {
        db.update("insert into dashboard_count (initiative_id, dimension, item, amount) values (?, 'loop', 'submitted', 1)",
                initiative);
    }

    private long counted(DataSource source, String schema) {
        return new JdbcTemplate(source).queryForObject("select count(*) from " + ShadowSchema.quoted(schema)
                + ".dashboard_count", Long.class);
    }

    @Test
    void theProjectionsTablesAreWrittenInTheShadowAndEveryOtherTableLive() {
        transaction.executeWithoutResult(status -> {
            shadow.enter("dashboard");
            count("shadowed");
            db.update("insert into token_entry (processor_name, segment, timestamp) values ('dashboard', 0, 'now')");
        });

        assertThat(counted(pool, ShadowSchema.nameOf("dashboard"))).isEqualTo(1);
        assertThat(counted(pool, shadow.live())).isZero();
        assertThat(db.queryForObject("select count(*) from " + ShadowSchema.quoted(shadow.live())
                + ".token_entry", Long.class)).isEqualTo(1);
    }

    @Test
    void theConnectionGoesBackToThePoolInTheLiveSchema() throws Exception {
        transaction.executeWithoutResult(status -> shadow.enter("dashboard"));

        count("live");
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getSchema()).isEqualTo(shadow.live());
        }
        assertThat(counted(pool, shadow.live())).isEqualTo(1);
        assertThat(counted(pool, ShadowSchema.nameOf("dashboard"))).isZero();
    }

    @Test
    void enteringCommitsNothingWrittenBefore() {
        transaction.executeWithoutResult(status -> {
            count("before");
            shadow.enter("dashboard");
            status.setRollbackOnly();
        });

        assertThat(counted(pool, shadow.live())).isZero();
    }

    @Test
    void aStatementReadBeforeEnteringReadsTheShadowAfter() {
        count("live");
        Long[] seen = new Long[2];
        transaction.executeWithoutResult(status -> {
            seen[0] = db.queryForObject("select count(*) from dashboard_count", Long.class);
            shadow.enter("dashboard");
            seen[1] = db.queryForObject("select count(*) from dashboard_count", Long.class);
        });

        assertThat(seen).containsExactly(1L, 0L);
    }

    @Test
    void aNewShadowIsEmptyAndHoldsOnlyTheProjectionsTables() throws Exception {
        transaction.executeWithoutResult(status -> {
            shadow.enter("dashboard");
            count("old rebuild");
        });

        new ShadowSchema(setup).create("dashboard");

        assertThat(counted(pool, ShadowSchema.nameOf("dashboard"))).isZero();
        assertThat(db.queryForList("select lower(table_name) from information_schema.tables where table_schema = ?",
                String.class, ShadowSchema.nameOf("dashboard")))
                .containsExactlyInAnyOrderElementsOf(withApplied(ReadModelTables.of("dashboard")));
    }

    private static java.util.List<String> withApplied(java.util.List<String> tables) {
        java.util.List<String> all = new java.util.ArrayList<>(tables);
        all.add(ReadModelTables.APPLIED);
        return all;
    }
}
