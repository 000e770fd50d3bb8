package heard.query.batching;

import java.util.Collection;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** One statement sent once for many rows, as a JDBC batch; nothing at all for none. */
public final class BatchUpdates {
    private BatchUpdates() {
    }

    public static <T> void run(JdbcTemplate db, String sql, Collection<T> rows, Function<T, Object[]> values) {
        if (!rows.isEmpty()) {
            db.batchUpdate(sql, rows.stream().map(values).toList());
        }
    }
}
