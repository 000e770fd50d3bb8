package bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many rows the read models hold for the events stored: the tables the query side's migrations
 * make ({@code query-side/src/main/resources/db/query}), less its token and dead-letter tables (the
 * processors' bookkeeping, not what a reader sees). {@code applied_event}, one row per projection and
 * aggregate written with the read model, is counted: a rebuild writes it as it writes the rest.
 */
final class ReadModelRows {
    record Count(long rows, long events, double perEvent, Map<String, Long> byTable) {
    }

    private static final Set<String> NOT_READ_MODELS = Set.of("token_entry", "dead_letter_entry");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)drop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");

    private ReadModelRows() {
    }

    static Count count(String fileUrl, Path root) throws Exception {
        Map<String, Long> byTable = new TreeMap<>();
        long rows = 0;
        long events;
        try (Connection db = DriverManager.getConnection(fileUrl + ";ACCESS_MODE_DATA=r", "sa", "");
             Statement statement = db.createStatement()) {
            for (String table : tables(root)) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    byTable.put(table, count.getLong(1));
                    rows += count.getLong(1);
                }
            }
            try (ResultSet count = statement.executeQuery("select count(*) from domain_event_entry")) {
                count.next();
                events = count.getLong(1);
            }
        }
        return new Count(rows, events, events == 0 ? Double.NaN : rows / (double) events, byTable);
    }

    /** The tables the query side's migrations create and do not drop again, for H2 and for both databases. */
    static Set<String> tables(Path root) throws Exception {
        Set<String> tables = new TreeSet<>();
        Set<String> dropped = new TreeSet<>();
        Path migrations = root.resolve("query-side/src/main/resources/db/query");
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path sql : files.filter(f -> f.toString().endsWith(".sql"))
                    .filter(f -> !f.toString().contains("/postgresql/")).toList()) {
                Matcher table = CREATE_TABLE.matcher(Files.readString(sql));
                while (table.find()) {
                    tables.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
                }
                Matcher drop = DROP_TABLE.matcher(Files.readString(sql));
                while (drop.find()) {
                    dropped.add(drop.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        tables.removeAll(dropped);
        tables.removeAll(NOT_READ_MODELS);
        if (tables.isEmpty()) {
            throw new IllegalStateException("no read-model tables in " + migrations);
        }
        return tables;
    }
}
