package heard.query.dashboard;

import heard.query.web.NotFound;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The non-personal records of an initiative's feedback, for analysts: never text or contact. */
@Component
class FeedbackRecords {
    static final String HEADER = "feedback_id,submitted_at,channel,language,stakeholder_group,status,themes,"
            + "hours_to_acknowledge,hours_to_close";
    private final JdbcTemplate db;

    FeedbackRecords(JdbcTemplate db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    String csv(String initiativeId) {
        Long known = db.queryForObject("select count(*) from dashboard_initiative where initiative_id = ?", Long.class,
                initiativeId);
        if (known == null || known == 0) {
            throw new NotFound("initiative", initiativeId);
        }
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        db.query("select feedback_id, submitted_at, channel, language, stakeholder_group, status, themes,"
                + " hours_to_acknowledge, hours_to_close from dashboard_feedback where initiative_id = ?"
                + " order by submitted_at, feedback_id", row -> {
                    List<String> cells = List.of(row.getString(1), row.getTimestamp(2).toInstant().toString(),
                            row.getString(3), nullable(row.getString(4)), nullable(row.getString(5)),
                            row.getString(6), row.getString(7), hours(row.getObject(8, Double.class)),
                            hours(row.getObject(9, Double.class)));
                    csv.append(String.join(",", cells.stream().map(DashboardCsv::cell).toList())).append("\r\n");
                }, initiativeId);
        return csv.toString();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static String hours(Double hours) {
        return hours == null ? "" : Double.toString(DashboardReader.round(hours, 2));
    }
}
