package heard.query.redelivery;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.MigratedSchemas;
import heard.query.config.OnBothDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The marks the decisions and the learning feed kept in {@code applied_event}, which an event applied again no
 * longer needs, go with the migration; the other projections' stay.
 */
class MarklessGroupsMigrationTest extends OnBothDatabases {

    @ParameterizedTest
    @MethodSource("databases")
    void theDecisionsAndTheLearningFeedsMarksGoAndTheOthersStay(String vendor) throws Exception {
        DataSource dataSource = MigratedSchemas.empty(vendor, postgres);
        // a migration from before those marks went
        MigratedSchemas.migrate(dataSource, vendor, "160");
        JdbcTemplate db = new JdbcTemplate(dataSource);
        db.update("insert into applied_event values ('decisions', 'decision-1', 4), ('decisions', 'feedback-1', 3),"
                + " ('learning-feed', 'learning-1', 0), ('indicators', 'indicator-1', 3), ('initiatives', 'feedback-1', 0)");

        MigratedSchemas.migrate(dataSource, vendor, "latest");

        assertThat(db.queryForList("select processing_group || '/' || aggregate_id from applied_event"
                + " order by processing_group", String.class)).containsExactly("indicators/indicator-1",
                        "initiatives/feedback-1");
    }
}
