package heard.query.initiative;

import heard.events.InitiativeLaunched;
import heard.query.batching.InLists;
import heard.query.schema.GroupListConverter;
import heard.query.schema.StringListConverter;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes a transaction's initiative changes: one query for which of the launched initiatives are stored
 * already (only when the batch launched any), one batched insert of the others, and one batched update
 * moving each initiative's count of learnings by its delta. An initiative not stored is not counted, as before it was.
 */
class InitiativeRows {
    private static final GroupListConverter GROUPS = new GroupListConverter();
    private static final StringListConverter LANGUAGES = new StringListConverter();
    private final JdbcTemplate db;
    private final NamedParameterJdbcTemplate named;

    InitiativeRows(JdbcTemplate db) {
        this.db = db;
        this.named = new NamedParameterJdbcTemplate(db);
    }

    void write(InitiativeBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<InitiativeLaunched> made = launchedAndNotStored(batch);
        if (!made.isEmpty()) {
            db.batchUpdate("insert into initiative_view (initiative_id, title, guiding_question, stakeholder_groups,"
                    + " languages, acknowledge_within_hours, launched_at, learning_count, launched_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, 0, ?)", made.stream().map(e -> new Object[] {
                        e.initiativeId(), e.title(), e.guidingQuestion(),
                        GROUPS.convertToDatabaseColumn(e.stakeholderGroups()),
                        LANGUAGES.convertToDatabaseColumn(e.languages()), e.acknowledgeWithinHours(),
                        Timestamp.from(e.at()), e.actor()}).toList());
        }
        if (!batch.learnings.isEmpty()) {
            db.batchUpdate("update initiative_view set learning_count = learning_count + ? where initiative_id = ?",
                    batch.learnings.entrySet().stream().map(count -> new Object[] {count.getValue(), count.getKey()})
                            .toList());
        }
    }

    private List<InitiativeLaunched> launchedAndNotStored(InitiativeBatch batch) {
        if (batch.launched.isEmpty()) {
            return List.of();
        }
        Set<String> stored = new HashSet<>();
        InLists.select(named, "select initiative_id from initiative_view where initiative_id in (:ids)",
                batch.launched.keySet(), row -> {
                    stored.add(row.getString(1));
                });
        return batch.launched.values().stream().filter(e -> !stored.contains(e.initiativeId())).toList();
    }
}
