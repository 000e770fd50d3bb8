import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does H2 keep each transaction whole when the process is killed? A child process commits transactions
 * from many threads, each writing {@code rows} rows of table {@code part} and then one row of table
 * {@code whole}, on an H2 file with WRITE_DELAY=0 as Heard's. It is killed (SIGKILL) at a random moment;
 * the file is opened again and checked: a transaction's rows must be all there with its {@code whole}
 * row, or none of them; and H2's own count of the rows must be the rows it can read.
 * Usage: {@code java H2Atomicity <dir> <kills> <threads> <rows>} with H2 on the class path.
 */
public class H2Atomicity {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            write(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        String dir = new File(args[0]).getAbsolutePath();
        int kills = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int rows = Integer.parseInt(args[3]);
        Random random = new Random();
        int broken = 0;
        int checked = 0;
        for (int kill = 1; kill <= kills; kill++) {
            deleteTree(new File(dir));
            String url = "jdbc:h2:file:" + dir + "/check;WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=65536";
            Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                    H2Atomicity.class.getName(), "child", url, String.valueOf(threads), String.valueOf(rows))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500 + random.nextInt(1500));
            child.destroyForcibly().waitFor();
            try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
                if (count(s, "select count(*) from information_schema.tables where table_name = 'WHOLE'") == 0) {
                    System.out.printf("kill %d: before the tables were made%n", kill);
                    continue;
                }
                checked++;
                long committed = count(s, "select count(*) from whole");
                long partial = count(s, "select count(*) from (select tx from part group by tx having count(*) <> " + rows + ")");
                long withoutWhole = count(s, "select count(distinct tx) from part where tx not in (select tx from whole)");
                long counted = count(s, "select count(*) from part");
                long read = count(s, "select count(*) from (select tx, i from part order by tx, i)");
                boolean whole = partial == 0 && withoutWhole == 0 && counted == read;
                broken += whole ? 0 : 1;
                System.out.printf("kill %d: %d transactions committed; %d partial, %d without their last row;"
                        + " H2 counts %d rows, reads %d%s%n", kill, committed, partial, withoutWhole, counted, read,
                        whole ? "" : "  BROKEN");
            }
        }
        System.out.printf("transactions left broken after %d of %d kills%n", broken, checked);
    }

    private static void write(String url, int threads, int rows) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
            s.execute("create table part (tx int, i int, payload varchar(200), primary key (tx, i))");
            s.execute("create table whole (tx int primary key, at timestamp)");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            writers.submit(() -> {
                try (Connection db = DriverManager.getConnection(url, "sa", "")) {
                    db.setAutoCommit(false);
                    PreparedStatement part = db.prepareStatement("insert into part values (?, ?, ?)");
                    PreparedStatement whole = db.prepareStatement("insert into whole values (?, current_timestamp)");
                    while (true) {
                        int tx = next.incrementAndGet();
                        for (int i = 0; i < rows; i++) {
                            part.setInt(1, tx);
                            part.setInt(2, i);
                            part.setString(3, "row " + i + " of transaction " + tx);
                            part.executeUpdate();
                        }
                        whole.setInt(1, tx);
                        whole.executeUpdate();
                        db.commit();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        file.delete();
    }
}
