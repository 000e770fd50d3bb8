package heard.query.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes gathered per Spring transaction and written once before it commits: a transaction started inside
 * another gathers and writes its own, the outer one's stay its own, and a failed write fails its commit.
 */
class TransactionBoundTest {
    private JdbcTemplate db;
    private TransactionTemplate transaction;
    private TransactionTemplate inner;
    private final List<List<String>> writes = new ArrayList<>();
    private TransactionBound<List<String>> bound;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db = new JdbcTemplate(h2);
        db.execute("create table word (word varchar(5) not null primary key)");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2);
        transaction = new TransactionTemplate(transactions);
        inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        bound = new TransactionBound<>(ArrayList::new, words -> {
            writes.add(List.copyOf(words));
            db.batchUpdate("insert into word (word) values (?)", words.stream().map(w -> new Object[] {w}).toList());
        });
    }

    private List<String> stored() {
        return db.queryForList("select word from word order by word", String.class);
    }

    @Test
    void aTransactionsChangesAreWrittenOnceBeforeItCommits() {
        transaction.executeWithoutResult(status -> {
            bound.change(words -> words.add("a"));
            bound.change(words -> words.add("b"));
            assertThat(writes).isEmpty();
        });

        assertThat(writes).containsExactly(List.of("a", "b"));
        assertThat(stored()).containsExactly("a", "b");
    }

    @Test
    void aTransactionInsideAnotherWritesItsOwnAndLeavesTheOuterOnesBuffer() {
        transaction.executeWithoutResult(status -> {
            bound.change(words -> words.add("outer"));
            inner.executeWithoutResult(alone -> bound.change(words -> words.add("inner")));
            assertThat(writes).containsExactly(List.of("inner"));
            bound.change(words -> words.add("after"));
        });

        assertThat(writes).containsExactly(List.of("inner"), List.of("outer", "after"));
    }

    @Test
    void aWriteThatFailsFailsItsOwnTransactionOnly() {
        transaction.executeWithoutResult(status -> {
            bound.change(words -> words.add("kept"));
            assertThatThrownBy(() -> inner.executeWithoutResult(alone -> bound.change(words -> words.add("toolong"))))
                    .isInstanceOf(RuntimeException.class);
            inner.executeWithoutResult(alone -> bound.change(words -> words.add("fine")));
        });

        assertThat(stored()).containsExactly("fine", "kept");
    }

    @Test
    void aRolledBackTransactionWritesNothingAndTheNextStartsEmpty() {
        transaction.executeWithoutResult(status -> {
            bound.change(words -> words.add("gone"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> bound.change(words -> words.add("next")));

        assertThat(writes).containsExactly(List.of("next"));
        assertThat(stored()).containsExactly("next");
    }

    @Test
    void withoutATransactionEachChangeIsWrittenAtOnce() {
        bound.change(words -> words.add("a"));
        bound.change(words -> words.add("b"));

        assertThat(writes).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void discardedChangesAreNotWritten() {
        transaction.executeWithoutResult(status -> {
            bound.change(words -> words.add("old"));
            bound.discard();
            bound.change(words -> words.add("new"));
        });

        assertThat(stored()).containsExactly("new");
    }
}
