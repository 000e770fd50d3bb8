package heard.command.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcCatalog implements Catalog {
    private final JdbcClient jdbc;

    JdbcCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<InitiativeFacts> initiative(String initiativeId) {
        return jdbc.sql("select group_codes, acknowledge_within_hours from catalog_initiative where initiative_id = ?")
                .param(initiativeId)
                .query((rs, n) -> new InitiativeFacts(codes(rs.getString(1)), rs.getInt(2)))
                .optional();
    }

    @Override
    public Optional<String> initiativeOfFeedback(String feedbackId) {
        return jdbc.sql("select initiative_id from catalog_feedback where feedback_id = ?")
                .param(feedbackId).query(String.class).optional();
    }

    @Override
    public Optional<String> feedbackOfReceipt(String receiptTokenHash) {
        return jdbc.sql("select feedback_id from catalog_feedback where receipt_token_hash = ?")
                .param(receiptTokenHash).query(String.class).optional();
    }

    @Override
    public Optional<String> initiativeOfIndicator(String indicatorId) {
        return initiativeOf("indicator", indicatorId);
    }

    @Override
    public Optional<String> initiativeOfDecision(String decisionId) {
        return initiativeOf("decision", decisionId);
    }

    /** Indicators and decisions: {@code kind} is one of these two fixed words, never input. */
    void add(String kind, String id, String initiativeId) {
        insertIfAbsent("catalog_" + kind, kind + "_id, initiative_id", id, initiativeId);
    }

    private Optional<String> initiativeOf(String kind, String id) {
        return jdbc.sql("select initiative_id from catalog_" + kind + " where " + kind + "_id = ?")
                .param(id).query(String.class).optional();
    }

    void addInitiative(String initiativeId, Set<String> groupCodes, int acknowledgeWithinHours) {
        insertIfAbsent("catalog_initiative", "initiative_id, group_codes, acknowledge_within_hours",
                initiativeId, String.join(" ", groupCodes), acknowledgeWithinHours);
    }

    void addFeedback(String feedbackId, String initiativeId, String receiptTokenHash) {
        insertIfAbsent("catalog_feedback", "feedback_id, initiative_id, receipt_token_hash",
                feedbackId, initiativeId, receiptTokenHash);
    }

    /**
     * The row, unless one with its key (the first column) is there: one statement in the command's transaction,
     * where a look-up before the insert was a statement more for every submission.
     */
    private void insertIfAbsent(String table, String columns, Object... values) {
        String key = columns.substring(0, columns.indexOf(','));
        String marks = String.join(", ", Collections.nCopies(values.length, "?"));
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.add(values[0]);
        jdbc.sql("insert into %s (%s) select %s where not exists (select 1 from %s where %s = ?)"
                        .formatted(table, columns, marks, table, key))
                .params(params).update();
    }

    private static Set<String> codes(String joined) {
        return Arrays.stream(joined.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
