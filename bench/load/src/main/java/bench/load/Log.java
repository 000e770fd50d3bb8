package bench.load;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard error, so that standard output holds only the table. */
final class Log {
    private Log() {
    }

    static void line(String text) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
    }
}
