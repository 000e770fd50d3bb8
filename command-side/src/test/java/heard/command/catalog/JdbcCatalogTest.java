package heard.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's rows are written in the command's transaction, each with one statement; an entry already there
 * (an event seen twice) keeps its first row.
 */
class JdbcCatalogTest {
    private final JdbcClient jdbc = JdbcClient.create(catalogTables());
    private final JdbcCatalog catalog = new JdbcCatalog(jdbc);

    @Test
    void aFeedbackAddedTwiceKeepsItsFirstInitiativeAndReceipt() {
        catalog.addFeedback("f-1", "i-1", "hash-1");
        catalog.addFeedback("f-1", "i-2", "hash-2");

        assertThat(catalog.initiativeOfFeedback("f-1")).contains("i-1");
        assertThat(catalog.feedbackOfReceipt("hash-1")).contains("f-1");
        assertThat(catalog.feedbackOfReceipt("hash-2")).isEmpty();
        assertThat(rows("catalog_feedback")).isEqualTo(1);
    }

    @Test
    void anInitiativeAddedTwiceKeepsItsFirstFacts() {
        catalog.addInitiative("i-1", Set.of("FAMILIES", "STAFF"), 48);
        catalog.addInitiative("i-1", Set.of("YOUTH"), 12);

        assertThat(catalog.initiative("i-1")).contains(new InitiativeFacts(Set.of("FAMILIES", "STAFF"), 48));
        assertThat(rows("catalog_initiative")).isEqualTo(1);
    }

    @Test
    void indicatorsAndDecisionsAddedTwiceKeepTheirFirstInitiative() {
        catalog.add("indicator", "x-1", "i-1");
        catalog.add("indicator", "x-1", "i-2");
        catalog.add("decision", "d-1", "i-1");
        catalog.add("decision", "d-1", "i-2");

        assertThat(catalog.initiativeOfIndicator("x-1")).contains("i-1");
        assertThat(catalog.initiativeOfDecision("d-1")).contains("i-1");
        assertThat(rows("catalog_indicator") + rows("catalog_decision")).isEqualTo(2);
    }

    private int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static JdbcDataSource catalogTables() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:catalog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command/common").load().migrate();
        return dataSource;
    }
}
