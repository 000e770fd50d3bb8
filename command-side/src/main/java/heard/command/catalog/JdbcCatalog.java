package heard.command.catalog;

import java.util.Arrays;
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
        jdbc.sql("insert into catalog_" + kind + " (" + kind + "_id, initiative_id) select ?, ?"
                        + " where not exists (select 1 from catalog_" + kind + " where " + kind + "_id = ?)")
                .params(id, initiativeId, id).update();
    }

    private Optional<String> initiativeOf(String kind, String id) {
        return jdbc.sql("select initiative_id from catalog_" + kind + " where " + kind + "_id = ?")
                .param(id).query(String.class).optional();
    }

    void addInitiative(String initiativeId, Set<String> groupCodes, int acknowledgeWithinHours) {
        jdbc.sql("insert into catalog_initiative (initiative_id, group_codes, acknowledge_within_hours) select ?, ?, ?"
                        + " where not exists (select 1 from catalog_initiative where initiative_id = ?)")
                .params(initiativeId, String.join(" ", groupCodes), acknowledgeWithinHours, initiativeId).update();
    }

    /** One statement in the submission's transaction: a look-up before the insert was a statement more for each. */
    void addFeedback(String feedbackId, String initiativeId, String receiptTokenHash) {
        jdbc.sql("insert into catalog_feedback (feedback_id, initiative_id, receipt_token_hash) select ?, ?, ?"
                        + " where not exists (select 1 from catalog_feedback where feedback_id = ?)")
                .params(feedbackId, initiativeId, receiptTokenHash, feedbackId).update();
    }

    private static Set<String> codes(String joined) {
        return Arrays.stream(joined.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
