package heard.query.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test of the read models' storage on H2 (the standalone app's) and on PostgreSQL (the distributed query
 * side's): one embedded PostgreSQL server for the class, and {@link #databases()} for
 * {@code @MethodSource("databases")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnBothDatabases {
    protected EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    protected Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }
}
