package heard.command.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A review date passes when its day ends (UTC). */
final class ReviewDate {
    private ReviewDate() {
    }

    static Instant passes(LocalDate reviewBy) {
        return reviewBy.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static boolean isPast(LocalDate reviewBy, Instant now) {
        return reviewBy.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }
}
