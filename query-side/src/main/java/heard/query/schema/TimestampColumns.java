package heard.query.schema;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** An instant in a nullable timestamp column, read and written through JDBC. */
public final class TimestampColumns {
    private TimestampColumns() {
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    public static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
