package heard.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import heard.forms.FormTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The write side's migrations run on PostgreSQL, and again without effect. */
class CommandSchemaOnPostgresTest {
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
    void migratesAnEmptyDatabaseAndIsRepeatable() throws Exception {
        DataSource dataSource = postgres.getPostgresDatabase();
        new CommandSchema().commandSchemaMigration(dataSource).afterPropertiesSet();
        new CommandSchema().commandSchemaMigration(dataSource).afterPropertiesSet();

        List<String> tables = JdbcClient.create(dataSource)
                .sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry",
                "catalog_initiative", "catalog_feedback", "submission_key", "spent_form_token",
                "flyway_history_command");
        String payloadType = JdbcClient.create(dataSource).sql("select data_type from information_schema.columns "
                + "where table_name = 'domain_event_entry' and column_name = 'payload'").query(String.class).single();
        assertThat(payloadType).isEqualTo("bytea");
        Integer spentHash = JdbcClient.create(dataSource).sql("select character_maximum_length from "
                + "information_schema.columns where table_name = 'spent_form_token' and column_name = 'token_hash'")
                .query(Integer.class).single();
        assertThat(spentHash).as("a spent token's hash, the table's only text").isEqualTo(FormTokens.Spent.HASH_LENGTH);
    }
}
