package heard.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** On a real H2 database: writes that wait together share a commit, and each is answered after it. */
class GroupCommitTest {
    private final AtomicInteger commits = new AtomicInteger();
    private JdbcTemplate db;
    private TransactionTemplate transaction;
    private GroupCommit group;
    private ExecutorService clients;

    @BeforeEach
    void start() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db = new JdbcTemplate(dataSource);
        db.execute("create table written (id int primary key)");
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                super.doCommit(status);
                commits.incrementAndGet();
            }
        };
        transaction = new TransactionTemplate(manager);
        group = new GroupCommit(transaction, 32);
        clients = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        group.stop();
    }

    @Test
    void writesThatWaitTogetherShareOneCommitAndAreReadableWhenAnswered() throws Exception {
        CountDownLatch othersWaiting = new CountDownLatch(1);
        Future<Boolean> first = firstWriteHeldOpenUntil(othersWaiting);
        List<Future<Boolean>> others = new ArrayList<>();
        for (int id = 1; id <= 15; id++) {
            int row = id;
            // each answer is checked on another connection, outside any transaction: it has been committed
            others.add(clients.submit(() -> group.write(() -> insert(row)) && visible(row)));
        }
        Thread.sleep(200); // the fifteen queue up behind the first, whose transaction is still open
        othersWaiting.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(db.queryForObject("select count(*) from written", Integer.class)).isEqualTo(16);
        assertThat(commits.get()).isLessThan(16).isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneFailingWriteCostsTheOthersNothing() throws Exception {
        CountDownLatch othersWaiting = new CountDownLatch(1);
        Future<Boolean> first = firstWriteHeldOpenUntil(othersWaiting);
        List<Future<Boolean>> good = new ArrayList<>();
        good.add(clients.submit(() -> group.write(() -> insert(1))));
        Future<Boolean> bad = clients.submit(() -> group.write(() -> {
            insert(2);
            throw new IllegalArgumentException("this one breaks a rule");
        }));
        good.add(clients.submit(() -> group.write(() -> insert(3))));
        Thread.sleep(200);
        othersWaiting.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> write : good) {
            assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("this one breaks a rule");
        assertThat(db.queryForList("select id from written order by id", Integer.class)).containsExactly(0, 1, 3);
    }

    @Test
    void aFailureReachesItsCallerAsItWasThrown() {
        assertThatThrownBy(() -> group.write(() -> {
            throw new IllegalStateException("no such initiative");
        })).isInstanceOf(IllegalStateException.class).hasMessage("no such initiative");
        assertThat(group.write(() -> insert(7))).isTrue();
        assertThat(visible(7)).isTrue();
    }

    @Test
    void aLimitOfOneWritesEachAloneOnItsCallersThread() throws InterruptedException {
        GroupCommit alone = new GroupCommit(transaction, 1);
        try {
            assertThat(alone.write(() -> Thread.currentThread().getName())).isEqualTo(Thread.currentThread().getName());
            assertThat(alone.write(() -> insert(5))).isTrue();
            assertThat(visible(5)).isTrue();
        } finally {
            alone.stop();
        }
    }

    /** The writer's transaction for row 0 stays open until {@code release}, so that later writes queue up. */
    private Future<Boolean> firstWriteHeldOpenUntil(CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<Boolean> first = clients.submit(() -> group.write(() -> {
            inside.countDown();
            await(release);
            return insert(0);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private boolean insert(int id) {
        return db.update("insert into written (id) values (?)", id) == 1;
    }

    private boolean visible(int id) {
        return db.queryForObject("select count(*) from written where id = ?", Integer.class, id) == 1;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
