package heard.events.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The keys as the distributed sides keep them: on PostgreSQL, inside the transaction of the command that writes
 * a participant's words, where a failed statement ends the whole transaction.
 */
class ParticipantKeysOnPostgresTest {
    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/keys").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aCommandThatLosesTheRaceToMakeAParticipantsKeyWritesWithTheWinnersKey() throws Exception {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcParticipantKeys first = keys();
        JdbcParticipantKeys second = keys();

        TransactionStatus firstCommand = transactions.getTransaction(new DefaultTransactionDefinition());
        SecretKey made = first.forWriting("double-tap").orElseThrow();
        CompletableFuture<SecretKey> secondCommand = CompletableFuture.supplyAsync(() -> {
            TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
            try {
                SecretKey key = second.forWriting("double-tap").orElseThrow();
                transactions.commit(status);
                return key;
            } catch (RuntimeException e) {
                transactions.rollback(status);
                throw e;
            }
        });
        awaitOneWaitingForALock();
        transactions.commit(firstCommand);

        assertThat(secondCommand.get(30, TimeUnit.SECONDS).getEncoded()).isEqualTo(made.getEncoded());
        assertThat(keys().forReading("double-tap").key().getEncoded()).isEqualTo(made.getEncoded());
    }

    private static JdbcParticipantKeys keys() {
        return new JdbcParticipantKeys(new TransactionAwareDataSourceProxy(dataSource), Duration.ofMinutes(1),
                Clock.systemUTC());
    }

    /** The second insert blocks on the first one's row until that transaction ends. */
    private static void awaitOneWaitingForALock() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second command never waited for the first one's key");
    }
}
