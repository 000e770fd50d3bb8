package heard.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import heard.query.schema.QueryMigrations;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every table of the query side belongs to one projection, which a rebuild copies, or to the machinery. */
class ReadModelTablesTest {
    /** Tokens, parked events, applied marks (copied per projection), rebuilds, public snapshots, migrations,
     * the query sides that are up, and the follow-up process's contacts, evidence, outbox and staff digests (never
     * rebuilt: a rebuild must not send messages again), and the staff's sessions and failed sign-ins. */
    private static final Set<String> MACHINERY = Set.of("token_entry", "dead_letter_entry", ReadModelTables.APPLIED,
            "projection_rebuild", "dashboard_public", "flyway_history_query", "query_instance",
            "follow_up_contact", "follow_up_evidence", "follow_up_outbox", "staff_digest", "spring_session",
            "spring_session_attributes", "sign_in_failure");

    @Test
    void everyTableOfTheSchemaIsAProjectionsOrTheMachinerys() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:tables;DB_CLOSE_DELAY=-1");
            QueryMigrations.of(pool).load().migrate();
            Set<String> tables = new TreeSet<>(new JdbcTemplate(pool).queryForList(
                    "select lower(table_name) from information_schema.tables where table_schema = 'PUBLIC'",
                    String.class));

            Set<String> owned = new TreeSet<>();
            ReadModelTables.all().values().forEach(owned::addAll);
            Set<String> expected = new TreeSet<>(owned);
            expected.addAll(MACHINERY);

            assertThat(tables).isEqualTo(expected);
            assertThat(ReadModelTables.all().values().stream().mapToInt(List::size).sum()).isEqualTo(owned.size());
        }
    }
}
