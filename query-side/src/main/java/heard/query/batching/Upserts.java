package heard.query.batching;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;

/**
 * The one statement whose words differ between the databases the read models live in: adding to a count
 * that may not have a row yet, in one statement that a batch can repeat. PostgreSQL's {@code insert ... on
 * conflict} takes the row lock it updates, so two writers cannot both insert; H2 has no such clause and
 * takes the standard {@code merge}.
 */
@Component
public class Upserts {
    private final boolean postgres;

    public Upserts(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName())
                    == DatabaseDriver.POSTGRESQL;
        }
    }

    /**
     * Adds the last parameter to {@code amount} of the row with the given key (the first parameters, in
     * order), making the row with that amount if there is none.
     */
    public String addTo(String table, List<String> key, String amount) {
        String columns = String.join(", ", key) + ", " + amount;
        if (postgres) {
            return "insert into " + table + " as t (" + columns + ") values (" + marks(key.size() + 1) + ")"
                    + " on conflict (" + String.join(", ", key) + ") do update set " + amount + " = t." + amount
                    + " + excluded." + amount;
        }
        return "merge into " + table + " t using (values (" + marks(key.size() + 1) + ")) s (" + columns + ") on "
                + key.stream().map(column -> "t." + column + " = s." + column).collect(Collectors.joining(" and "))
                + " when matched then update set " + amount + " = t." + amount + " + s." + amount
                + " when not matched then insert (" + columns + ") values ("
                + List.of(columns.split(", ")).stream().map(column -> "s." + column).collect(Collectors.joining(", "))
                + ")";
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
