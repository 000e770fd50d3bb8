package heard.query.batching;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;

/**
 * The statements whose words differ between the databases the read models live in: adding to a count, or
 * setting a row's values, where the row may not exist yet, in one statement that a batch can repeat.
 * PostgreSQL's {@code insert ... on conflict} takes the row lock it updates, so two writers cannot both
 * insert; H2 has no such clause and takes the standard {@code merge}.
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
        return upsert(table, key, List.of(amount), (column, given) -> "t." + column + " + " + given + column);
    }

    /**
     * Sets the columns of the row with the given key (the parameters: the key's, then the columns', in order)
     * to the given values, making the row if there is none: one statement whether or not it is stored.
     */
    public String put(String table, List<String> key, List<String> columns) {
        return upsert(table, key, columns, (column, given) -> given + column);
    }

    /** {@code set} gives a column's new value from its name and the prefix naming the given row's values. */
    private String upsert(String table, List<String> key, List<String> values, BinaryOperator<String> set) {
        String columns = String.join(", ", key) + ", " + String.join(", ", values);
        int count = key.size() + values.size();
        if (postgres) {
            return "insert into " + table + " as t (" + columns + ") values (" + marks(count) + ")"
                    + " on conflict (" + String.join(", ", key) + ") do update set " + values.stream()
                            .map(column -> column + " = " + set.apply(column, "excluded."))
                            .collect(Collectors.joining(", "));
        }
        return "merge into " + table + " t using (values (" + marks(count) + ")) s (" + columns + ") on "
                + key.stream().map(column -> "t." + column + " = s." + column).collect(Collectors.joining(" and "))
                + " when matched then update set " + values.stream()
                        .map(column -> column + " = " + set.apply(column, "s.")).collect(Collectors.joining(", "))
                + " when not matched then insert (" + columns + ") values ("
                + List.of(columns.split(", ")).stream().map(column -> "s." + column).collect(Collectors.joining(", "))
                + ")";
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
