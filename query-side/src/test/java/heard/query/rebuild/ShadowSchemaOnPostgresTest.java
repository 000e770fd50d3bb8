package heard.query.rebuild;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class ShadowSchemaOnPostgresTest extends ShadowSchemaContract {
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    String user() {
        return "postgres";
    }

    @AfterEach
    void close() {
        closePool();
    }
}
