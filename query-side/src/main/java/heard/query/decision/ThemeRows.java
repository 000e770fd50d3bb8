package heard.query.decision;

import heard.query.batching.InLists;
import heard.query.batching.Upserts;
import heard.query.schema.StringListConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes a transaction's feedback themes: one query for the themes stored of the feedback it names, and one
 * batched upsert of each feedback whose themes it changed, the stored ones first and then the new ones.
 */
class ThemeRows {
    private static final StringListConverter THEMES = new StringListConverter();
    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;
    private final String put;

    ThemeRows(JdbcTemplate db, Upserts upserts) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
        this.put = upserts.put("decision_feedback_theme", List.of("feedback_id"), List.of("themes"));
    }

    void write(ThemesBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<String>> stored = new HashMap<>();
        InLists.select(named, "select feedback_id, themes from decision_feedback_theme where feedback_id in (:ids)",
                batch.themes.keySet(), row -> {
                    stored.put(row.getString(1), THEMES.convertToEntityAttribute(row.getString(2)));
                });
        List<Object[]> changed = new ArrayList<>();
        batch.themes.forEach((feedbackId, more) -> {
            List<String> before = stored.get(feedbackId);
            List<String> after = new ArrayList<>(before == null ? List.of() : before);
            ThemesBatch.merge(after, more);
            if (!after.equals(before)) {
                changed.add(new Object[] {feedbackId, THEMES.convertToDatabaseColumn(after)});
            }
        });
        if (!changed.isEmpty()) {
            db.batchUpdate(put, changed);
        }
    }
}
