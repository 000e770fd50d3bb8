package heard.query.rebuild;

import org.junit.jupiter.api.AfterEach;

class ShadowSchemaOnH2Test extends ShadowSchemaContract {
    @Override
    String url() {
        return "jdbc:h2:mem:shadow;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128";
    }

    @AfterEach
    void close() {
        closePool();
    }
}
