package bench.load;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The storage ceiling: the CRUD baseline's row, inserted straight through JDBC into an H2 file
 * with the same URL settings (WRITE_DELAY=0), one commit per row, from as many threads as there
 * are HTTP clients. Run once with and once without WRITE_DELAY=0, to show what durability costs.
 * {@link #batched} gives what H2 stores at best instead: small rows in JDBC batches.
 */
final class RawInserts {
    private static final NoArgGenerator ORDERED_IDS = Generators.timeBasedEpochGenerator();

    private RawInserts() {
    }

    static Double run(Path dir, boolean writeDelayZero, int threads, int warmupSeconds, int seconds)
            throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/raw;DB_CLOSE_ON_EXIT=FALSE"
                + (writeDelayZero ? ";WRITE_DELAY=0" : "");
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
             Statement statement = setup.createStatement()) {
            statement.execute("create table if not exists feedback (id varchar(36) not null primary key,"
                    + " initiative_id varchar(36) not null, text varchar(20000) not null, channel varchar(10) not null,"
                    + " language varchar(40) not null, stakeholder_group varchar(40) not null, contact varchar(320),"
                    + " follow_up_consent boolean not null, receipt_token_hash varchar(64) not null unique,"
                    + " status varchar(40) not null, submitted_at timestamp not null, acknowledge_by timestamp not null)");
            long start = System.nanoTime();
            long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
            long measureTo = measureFrom + Duration.ofSeconds(seconds).toNanos();
            LongAdder inserted = new LongAdder();
            String initiative = UUID.randomUUID().toString();
            List<Thread> workers = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try (Connection connection = DriverManager.getConnection(url, "sa", "");
                         PreparedStatement insert = connection.prepareStatement("insert into feedback (id,"
                                 + " initiative_id, text, channel, language, stakeholder_group, contact,"
                                 + " follow_up_consent, receipt_token_hash, status, submitted_at, acknowledge_by)"
                                 + " values (?, ?, ?, 'WEB', 'en', ?, null, false, ?, 'SUBMITTED', ?, ?)")) {
                        connection.setAutoCommit(true);
                        while (true) {
                            long now = System.nanoTime();
                            if (now >= measureTo) {
                                return;
                            }
                            String id = UUID.randomUUID().toString();
                            Timestamp at = new Timestamp(System.currentTimeMillis());
                            insert.setString(1, id);
                            insert.setString(2, initiative);
                            insert.setString(3, Submissions.feedbackText());
                            insert.setString(4, "families");
                            insert.setString(5, id.replace("-", "") + id.replace("-", ""));
                            insert.setTimestamp(6, at);
                            insert.setTimestamp(7, at);
                            insert.executeUpdate();
                            long done = System.nanoTime();
                            if (done >= measureFrom && done <= measureTo) {
                                inserted.increment();
                            }
                        }
                    } catch (SQLException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "raw-" + t);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            return inserted.sum() / (double) seconds;
        }
    }

    /**
     * Rows the size of an already-applied mark, in JDBC batches of 2048 with a commit after each, from one
     * connection, WRITE_DELAY=0: the most favourable way to store a rebuilt read model's rows in H2. Their keys are
     * time-ordered, as the app's ids are: with random ones each row lands on a random page, and H2 stored about a
     * tenth as many.
     */
    static double batched(Path dir, int rows) throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/batched;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement statement = db.createStatement()) {
            statement.execute("create table if not exists applied (processing_group varchar(255) not null,"
                    + " aggregate_id varchar(255) not null, last_sequence bigint not null,"
                    + " primary key (processing_group, aggregate_id))");
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("insert into applied values (?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setString(1, "returned-learning");
                    insert.setString(2, ORDERED_IDS.generate().toString());
                    insert.setLong(3, 3);
                    insert.addBatch();
                    if (i % 2048 == 0 || i == rows) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}
