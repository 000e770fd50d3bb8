package heard.query.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, migrated read-model schema with its statements counted, and two ways to write to it: in one
 * transaction, as a processor applies a batch, and alone, in a transaction of its own beside it.
 */
public class CountedDatabase {
    public final CountedStatements counted = new CountedStatements();
    public final DataSource dataSource;
    public final JdbcTemplate db;
    public final TransactionTemplate transaction;
    public final TransactionTemplate alone;

    /** @param vendor {@code h2} or {@code postgresql} (then on a new database of the server) */
    public CountedDatabase(String vendor, EmbeddedPostgres postgres) throws SQLException {
        dataSource = counted.counting(MigratedSchemas.migrated(vendor, postgres));
        db = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        alone = new TransactionTemplate(transactions);
        alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every row the queries find, each as text with its timestamps as instants, in the queries' order. */
    public List<String> rows(String... queries) {
        List<String> rows = new ArrayList<>();
        for (String query : queries) {
            db.query(query, row -> {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    Object value = row.getObject(column);
                    line.append(value instanceof TemporalAccessor || value instanceof Date
                            ? row.getTimestamp(column).toInstant() : value).append('|');
                }
                rows.add(line.toString());
            });
        }
        return rows;
    }

    /** Hands the event to the projection's annotated handler, as its processor does. */
    public static void handle(Object projection, EventMessage<?> event) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
