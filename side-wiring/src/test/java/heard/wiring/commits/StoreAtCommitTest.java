package heard.wiring.commits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.axonframework.common.transaction.Transaction;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an H2 file whose store writes in the background (a delay of a minute here, so that only the checkpoints
 * write), asks the store after each step whether changes are still waiting for the file.
 */
class StoreAtCommitTest {
    @TempDir
    Path dir;
    private StoreAtCommit dataSource;
    private Connection keepsOpen;

    @BeforeEach
    void open() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=60000");
        h2.setUser("sa");
        dataSource = new StoreAtCommit(h2);
        keepsOpen = dataSource.getConnection();
        try (Statement statement = keepsOpen.createStatement()) {
            statement.execute("create table row_written (id int primary key)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        keepsOpen.close();
    }

    @Test
    void aCommitThatWroteIsStoredBeforeItReturns() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, 1);
            assertThat(waiting()).isTrue();
            connection.commit();
            assertThat(waiting()).isFalse();
        }
    }

    @Test
    void aWriteOutsideATransactionIsStoredBeforeItReturns() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, 1);
            assertThat(waiting()).isFalse();
        }
    }

    @Test
    void turningAutoCommitBackOnCommitsAndStores() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, 1);
            connection.setAutoCommit(true);
            assertThat(waiting()).isFalse();
        }
    }

    @Test
    void aReadModelsCommitWaitsForTheNextWrite() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            writeAsAReadModel(connection, Transaction::commit);
            assertThat(waiting()).isTrue();
            assertThat(StoredLater.applies()).isFalse();

            insert(connection, 2);
            connection.commit();
            assertThat(waiting()).isFalse();
        }
    }

    @Test
    void aCommitThatOnlyReadDoesNotStore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            writeAsAReadModel(connection, Transaction::commit);

            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("select count(*) from row_written").close();
            }
            connection.commit();
            assertThat(waiting()).isTrue();
        }
    }

    @Test
    void aRolledBackWriteIsNotStored() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            writeAsAReadModel(connection, Transaction::rollback);
            assertThat(StoredLater.applies()).isFalse();

            insert(connection, 2);
            connection.rollback();
            connection.commit();
            assertThat(waiting()).isTrue();
        }
    }

    /** A row written and committed inside a read model's transaction, which {@code end} then ends. */
    private static void writeAsAReadModel(Connection connection, Consumer<Transaction> end) throws SQLException {
        connection.setAutoCommit(false);
        Transaction transaction = StoredLater.transactions(StoreAtCommitTest::noTransaction).startTransaction();
        insert(connection, 1);
        connection.commit();
        end.accept(transaction);
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into row_written values (" + id + ")");
        }
    }

    private boolean waiting() throws SQLException {
        SessionLocal session = (SessionLocal) keepsOpen.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore().hasUnsavedChanges();
    }

    private static Transaction noTransaction() {
        return new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        };
    }
}
