package heard.query.pages;

import heard.query.dashboard.DashboardView.Suppressed;
import java.text.NumberFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows the dashboard's figures in the page's language; a suppressed figure is told apart so the
 * page can say why it is hidden. Templates call it as {@code @figures}.
 */
@Component("figures")
public class Figures {
    public boolean hidden(Object figure) {
        return figure instanceof Suppressed;
    }

    /** A whole number, a share as a percentage, or a decimal (hours, an index); null and hidden show nothing. */
    public String count(Object figure) {
        return figure instanceof Number number ? NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale())
                .format(number.longValue()) : "";
    }

    public String percent(Object figure) {
        if (!(figure instanceof Number number)) {
            return "";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        percent.setMaximumFractionDigits(1);
        return percent.format(number.doubleValue());
    }

    public String decimal(Object figure) {
        if (!(figure instanceof Number number)) {
            return "";
        }
        NumberFormat decimal = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        decimal.setMaximumFractionDigits(2);
        return decimal.format(number.doubleValue());
    }
}
