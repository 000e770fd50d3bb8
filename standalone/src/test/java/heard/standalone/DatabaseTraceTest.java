package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 writes the statements it rejects, with their values, to a trace file beside the data unless told
 * not to; a participant's words that a column refuses must not end up in a file nobody erases.
 */
@StandaloneTest
class DatabaseTraceTest {
    @Autowired
    JdbcTemplate db;
    @Value("${heard.data-dir}")
    Path dataDir;

    @Test
    void aValueTheDatabaseRejectsIsWrittenToNoTraceFile() throws IOException {
        String words = "Maria Lopez: the crossing on Elm St floods every morning, and nobody comes";

        assertThatThrownBy(() -> db.update("insert into participant_key (participant_id, created_at) values (?, ?)",
                words, Timestamp.from(Instant.now()))).isInstanceOf(DataAccessException.class);

        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }
}
