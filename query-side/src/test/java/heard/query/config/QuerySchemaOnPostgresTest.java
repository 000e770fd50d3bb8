package heard.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read side's migrations run on PostgreSQL, also where the write side already made the token table. */
class QuerySchemaOnPostgresTest {
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migratesBesideAnExistingTokenTable() throws Exception {
        DataSource dataSource = postgres.getPostgresDatabase();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table token_entry (processor_name varchar(255) not null, segment integer not null, "
                + "owner varchar(255), timestamp varchar(255) not null, token_type varchar(255), token bytea, "
                + "primary key (processor_name, segment))").update();

        new QuerySchema().querySchemaMigration(dataSource).afterPropertiesSet();
        new QuerySchema().querySchemaMigration(dataSource).afterPropertiesSet();

        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("initiative_view", "receipt_view", "receipt_step", "published_learning",
                "inbox_item", "decision_version", "decision_evidence", "decision_outcome", "decision_review_due",
                "decision_feedback_theme", "indicator_view", "indicator_measurement", "receipt_decision",
                "flyway_history_query");
        List<String> stepColumns = jdbc.sql("select column_name from information_schema.columns "
                + "where table_name = 'receipt_step'").query(String.class).list();
        assertThat(stepColumns).contains("decision_id", "decision_title", "decision_version");
    }
}
