package heard.query.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them, in the page's language ("March 5, 2026, 2:30 PM", "5 de marzo de 2026,
 * 14:30"), in the community's time zone ({@code heard.web.time-zone}, the server's by default).
 * Templates call it as {@code @pageDates}.
 */
@Component
public class PageDates {
    private final ZoneId zone;

    PageDates(@Value("${heard.web.time-zone:}") String zone) {
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(at);
    }

    public String date(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(at);
    }

    /** A calendar day, such as a review date, in the page's language. */
    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale()).format(day);
    }

    /** For the machine-readable datetime attribute of a time element. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }
}
