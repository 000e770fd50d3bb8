package heard.query.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import javax.sql.DataSource;
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
}
