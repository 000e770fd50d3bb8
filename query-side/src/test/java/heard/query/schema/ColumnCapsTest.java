package heard.query.schema;

import static heard.limits.InputLimits.ACKNOWLEDGEMENT;
import static heard.limits.InputLimits.CONTACT;
import static heard.limits.InputLimits.CORRECTION;
import static heard.limits.InputLimits.DECISIONS_PER_LEARNING;
import static heard.limits.InputLimits.EMAIL;
import static heard.limits.InputLimits.EVIDENCE;
import static heard.limits.InputLimits.EVIDENCE_NOTE;
import static heard.limits.InputLimits.EXPECTED_OUTCOME;
import static heard.limits.InputLimits.FEEDBACK_IDS;
import static heard.limits.InputLimits.FEEDBACK_TEXT;
import static heard.limits.InputLimits.GROUPS;
import static heard.limits.InputLimits.GROUP_CODE;
import static heard.limits.InputLimits.GROUP_NAME;
import static heard.limits.InputLimits.GUIDING_QUESTION;
import static heard.limits.InputLimits.HYPOTHESIS;
import static heard.limits.InputLimits.ID;
import static heard.limits.InputLimits.INDICATORS_PER_DECISION;
import static heard.limits.InputLimits.INDICATOR_NAME;
import static heard.limits.InputLimits.INDICATOR_UNIT;
import static heard.limits.InputLimits.LANGUAGES;
import static heard.limits.InputLimits.LANGUAGE_TAG;
import static heard.limits.InputLimits.LEARNING_TEXT;
import static heard.limits.InputLimits.OBSERVED;
import static heard.limits.InputLimits.OUTCOME_NOTE;
import static heard.limits.InputLimits.RATIONALE;
import static heard.limits.InputLimits.SUMMARY;
import static heard.limits.InputLimits.THEME;
import static heard.limits.InputLimits.THEMES;
import static heard.limits.InputLimits.THEMES_PER_POST;
import static heard.limits.InputLimits.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import heard.events.Channel;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.ReceiptTokens;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.events.Verdict;
import heard.events.personal.PersonalCipher;
import heard.limits.InputLimits;
import heard.query.config.ProjectionTest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks every text column of the read models, as the migrations make them, and checks that the longest
 * value an accepted command can put there fits: so that the caps on input and the columns cannot drift
 * apart, and a new column must say what fills it. Lists are measured as the read models store them,
 * written by their own converters, with every character one that JSON escapes.
 */
@ProjectionTest
class ColumnCapsTest {
    /** A character JSON writes as two: the worst a one-line value can do. */
    private static final String ESCAPED = "\"";
    /** A server-made UUID (feedback, initiative, decision, indicator, learning). */
    private static final int UUID = 36;
    private static final int SEQUENCE = String.valueOf(Long.MAX_VALUE).length();
    /** The longest a double prints as. */
    private static final double LONGEST_DOUBLE = -2.2250738585072014E-308;

    /**
     * Columns filled by the system, not by what a request says: ids the server makes or checks against
     * its catalog, enum names, fixed words, hashes, and the acting staff user's name.
     */
    private static final Set<String> SYSTEM = Set.of(
            "initiative_view.initiative_id", "initiative_view.launched_by",
            "receipt_view.feedback_id", "receipt_view.receipt_token_hash", "receipt_view.initiative_id",
            "receipt_view.channel", "receipt_view.status",
            "receipt_step.feedback_id", "receipt_step.kind", "receipt_step.learning_id", "receipt_step.decision_id",
            "receipt_decision.decision_id",
            "published_learning.learning_id", "published_learning.initiative_id", "published_learning.published_by",
            "inbox_item.feedback_id", "inbox_item.initiative_id", "inbox_item.channel", "inbox_item.submitted_by",
            "inbox_item.status", "inbox_item.acknowledged_by", "inbox_item.summarized_by", "inbox_item.themed_by",
            "decision_version.decision_id", "decision_version.initiative_id", "decision_version.engagement_level",
            "decision_version.author",
            "decision_evidence.decision_id", "decision_evidence.initiative_id", "decision_evidence.author",
            "decision_outcome.decision_id", "decision_outcome.initiative_id", "decision_outcome.verdict",
            "decision_outcome.author",
            "decision_review_due.decision_id", "decision_review_due.initiative_id", "decision_review_due.author",
            "decision_feedback_theme.feedback_id",
            "indicator_view.indicator_id", "indicator_view.initiative_id", "indicator_view.direction",
            "indicator_view.defined_by",
            "indicator_measurement.indicator_id", "indicator_measurement.initiative_id",
            "indicator_measurement.recorded_by",
            "dashboard_initiative.initiative_id", "dashboard_group.initiative_id",
            "dashboard_count.initiative_id", "dashboard_count.dimension",
            "dashboard_feedback.feedback_id", "dashboard_feedback.initiative_id", "dashboard_feedback.channel",
            "dashboard_feedback.status",
            "dashboard_duration.feedback_id", "dashboard_duration.kind", "dashboard_duration.initiative_id",
            "dashboard_pending.feedback_id", "dashboard_pending.initiative_id",
            "dashboard_decision.decision_id", "dashboard_decision.initiative_id", "dashboard_decision.engagement_level",
            "dashboard_indicator.indicator_id", "dashboard_indicator.initiative_id", "dashboard_indicator.direction",
            "dashboard_measurement.indicator_id", "dashboard_measurement.initiative_id",
            "dashboard_public.initiative_id",
            "staff_change.change_kind", "staff_change.roles", "staff_change.actor",
            "follow_up_contact.feedback_id", "follow_up_contact.channel",
            "follow_up_outbox.id", "follow_up_outbox.feedback_id", "follow_up_outbox.channel",
            "follow_up_outbox.event_id", "follow_up_outbox.kind", "follow_up_outbox.status", "follow_up_outbox.claim",
            "staff_digest.status", "staff_digest.claim");

    /**
     * The framework's own stores (tokens, dead letters, applied sequences, the instances that are up, rebuilds
     * under way, the staff's sessions and failed sign-ins, migrations):
     * not read models.
     */
    private static final Set<String> FRAMEWORK = Set.of("token_entry", "dead_letter_entry", "applied_event",
            "query_instance", "projection_rebuild", "spring_session", "spring_session_attributes",
            "sign_in_failure", "flyway_history_query");

    @Autowired
    JdbcTemplate db;

    @Test
    void everyTextColumnHoldsTheLongestValueItCanBeGiven() {
        Map<String, Integer> longest = longestValues();
        Map<String, Integer> sizes = columnSizes();
        SoftAssertions softly = new SoftAssertions();
        sizes.forEach((column, size) -> {
            if (!SYSTEM.contains(column)) {
                softly.assertThat(longest).as("what fills %s", column).containsKey(column);
                softly.assertThat(longest.getOrDefault(column, 0)).as(column).isLessThanOrEqualTo(size);
            }
        });
        softly.assertThat(sizes.keySet()).as("columns named here that the schema lacks")
                .containsAll(longest.keySet()).containsAll(SYSTEM);
        softly.assertAll();
    }

    private static Map<String, Integer> longestValues() {
        int themes = json(Collections.nCopies(THEMES, ESCAPED.repeat(THEME)));
        int ids = json(Collections.nCopies(FEEDBACK_IDS, "x".repeat(ID)));
        int madeId = UUID + 1 + SEQUENCE;
        Map<String, Integer> longest = new HashMap<>();
        longest.put("initiative_view.title", TITLE);
        longest.put("staff_change.account_id", InputLimits.ACCOUNT_NAME);
        longest.put("staff_change.display_name", InputLimits.DISPLAY_NAME);
        longest.put("staff_member.subject", InputLimits.ACCOUNT_NAME);
        longest.put("staff_member.display_name", InputLimits.DISPLAY_NAME);
        longest.put("initiative_view.guiding_question", GUIDING_QUESTION);
        longest.put("initiative_view.stakeholder_groups", new GroupListConverter().convertToDatabaseColumn(
                Collections.nCopies(GROUPS, new StakeholderGroup("x".repeat(GROUP_CODE), ESCAPED.repeat(GROUP_NAME),
                        StakeholderRole.BENEFICIARY, LONGEST_DOUBLE))).length());
        longest.put("initiative_view.languages", json(Collections.nCopies(LANGUAGES, "x".repeat(LANGUAGE_TAG))));
        longest.put("receipt_view.text", FEEDBACK_TEXT);
        longest.put("receipt_view.language", LANGUAGE_TAG);
        longest.put("receipt_view.stakeholder_group", GROUP_CODE);
        longest.put("receipt_view.themes", themes);
        longest.put("receipt_step.step_id", UUID + 1 + SEQUENCE + 1 + ID);
        longest.put("receipt_step.text", Collections.max(List.of(ACKNOWLEDGEMENT, SUMMARY, CORRECTION, LEARNING_TEXT,
                RATIONALE)));
        longest.put("receipt_step.themes", json(Collections.nCopies(THEMES_PER_POST, ESCAPED.repeat(THEME))));
        longest.put("receipt_step.learning_title", TITLE);
        longest.put("receipt_step.decision_title", TITLE);
        longest.put("receipt_decision.title", TITLE);
        longest.put("published_learning.title", TITLE);
        longest.put("published_learning.what_we_heard", LEARNING_TEXT);
        longest.put("published_learning.what_we_decided", LEARNING_TEXT);
        longest.put("published_learning.what_we_learned", LEARNING_TEXT);
        longest.put("published_learning.whats_next", LEARNING_TEXT);
        longest.put("published_learning.decision_ids",
                json(Collections.nCopies(DECISIONS_PER_LEARNING, "x".repeat(ID))));
        longest.put("inbox_item.text", FEEDBACK_TEXT);
        longest.put("inbox_item.language", LANGUAGE_TAG);
        longest.put("inbox_item.stakeholder_group", GROUP_CODE);
        longest.put("inbox_item.contact", CONTACT);
        longest.put("inbox_item.summary", SUMMARY);
        longest.put("inbox_item.correction", CORRECTION);
        longest.put("inbox_item.themes", themes);
        longest.put("decision_version.version_id", madeId);
        longest.put("decision_version.title", TITLE);
        longest.put("decision_version.hypothesis", HYPOTHESIS);
        longest.put("decision_version.expected_outcome", EXPECTED_OUTCOME);
        longest.put("decision_version.indicators", new IndicatorTargetListConverter().convertToDatabaseColumn(
                Collections.nCopies(INDICATORS_PER_DECISION,
                        new IndicatorTarget("x".repeat(ID), LONGEST_DOUBLE, LONGEST_DOUBLE))).length());
        longest.put("decision_version.evidence", json(Collections.nCopies(EVIDENCE, "x".repeat(ID))));
        longest.put("decision_version.affected_groups", json(Collections.nCopies(GROUPS, "x".repeat(GROUP_CODE))));
        longest.put("decision_version.rationale", RATIONALE);
        longest.put("decision_version.changes", longestChanges());
        longest.put("decision_version.triggered_by", ids);
        longest.put("decision_evidence.link_id", madeId);
        longest.put("decision_evidence.feedback_ids", ids);
        longest.put("decision_evidence.note", EVIDENCE_NOTE);
        longest.put("decision_outcome.outcome_id", madeId);
        longest.put("decision_outcome.observed", OBSERVED);
        longest.put("decision_outcome.note", OUTCOME_NOTE);
        longest.put("decision_review_due.review_id", madeId);
        longest.put("decision_feedback_theme.themes", themes);
        longest.put("indicator_view.name", INDICATOR_NAME);
        longest.put("indicator_view.unit", INDICATOR_UNIT);
        longest.put("indicator_measurement.measurement_id", madeId);
        longest.put("indicator_measurement.stakeholder_group", GROUP_CODE);
        longest.put("dashboard_initiative.title", TITLE);
        longest.put("dashboard_group.group_code", GROUP_CODE);
        longest.put("dashboard_group.name", GROUP_NAME);
        longest.put("dashboard_count.item", Collections.max(List.of(THEME, GROUP_CODE, longestEnumName())));
        longest.put("dashboard_feedback.language", LANGUAGE_TAG);
        longest.put("dashboard_feedback.stakeholder_group", GROUP_CODE);
        longest.put("dashboard_feedback.themes", String.join(";", Collections.nCopies(THEMES, "x".repeat(THEME)))
                .length());
        longest.put("dashboard_duration.stakeholder_group", GROUP_CODE);
        longest.put("dashboard_indicator.name", INDICATOR_NAME);
        longest.put("dashboard_indicator.unit", INDICATOR_UNIT);
        longest.put("dashboard_measurement.measurement_id", madeId);
        longest.put("dashboard_measurement.stakeholder_group", GROUP_CODE);
        // sealed with the participant's key: a character may take three bytes before encryption
        longest.put("follow_up_contact.address", sealed(3 * EMAIL));
        longest.put("follow_up_contact.receipt_token", sealed(ReceiptTokens.newToken().length()));
        longest.put("follow_up_contact.language", LANGUAGE_TAG);
        longest.put("follow_up_evidence.decision_id", ID);
        longest.put("follow_up_evidence.feedback_id", ID);
        // a mail server's or gateway's words, cut to fit
        longest.put("follow_up_outbox.last_error", 500);
        // the SMS gateway's id of a message, not kept when longer
        longest.put("follow_up_outbox.gateway_id", 64);
        // a configured facilitator's name: longer ones receive no digest
        longest.put("staff_digest.account_id", InputLimits.ACCOUNT_NAME);
        longest.put("staff_digest.last_error", 500);
        return longest;
    }

    /** The stored form of a value of so many bytes: prefix, then the Base64 of nonce, ciphertext and tag. */
    private static int sealed(int bytes) {
        return PersonalCipher.PREFIX.length() + 4 * ((12 + bytes + 16 + 2) / 3);
    }

    /** A revision of every field, from the longest value to another, one-line texts at their worst. */
    private static int longestChanges() {
        String indicators = IntStream.range(0, INDICATORS_PER_DECISION)
                .mapToObj(i -> "x".repeat(ID) + ": " + LONGEST_DOUBLE + " → " + LONGEST_DOUBLE)
                .collect(Collectors.joining("; "));
        return new FieldChangeListConverter().convertToDatabaseColumn(List.of(
                new FieldChange("hypothesis", ESCAPED.repeat(HYPOTHESIS), ESCAPED.repeat(HYPOTHESIS)),
                new FieldChange("expectedOutcome", ESCAPED.repeat(EXPECTED_OUTCOME), ESCAPED.repeat(EXPECTED_OUTCOME)),
                new FieldChange("engagementLevel", "COLLABORATE", "COLLABORATE"),
                new FieldChange("reviewBy", "+999999999-12-31", "+999999999-12-31"),
                new FieldChange("indicators", indicators, indicators))).length();
    }

    private static int longestEnumName() {
        return Stream.of(Channel.values(), EngagementLevel.values(), Verdict.values())
                .flatMap(Arrays::stream).mapToInt(value -> value.name().length()).max().orElseThrow();
    }

    private static int json(List<String> values) {
        return new StringListConverter().convertToDatabaseColumn(values).length();
    }

    /** {@code table.column} to its declared length, for every character column of the read models. */
    private Map<String, Integer> columnSizes() {
        Map<String, Integer> sizes = new HashMap<>();
        db.query("select lower(table_name), lower(column_name), character_maximum_length"
                + " from information_schema.columns where table_schema = 'PUBLIC'"
                + " and data_type = 'CHARACTER VARYING'", row -> {
                    if (!FRAMEWORK.contains(row.getString(1))) {
                        sizes.put(row.getString(1) + "." + row.getString(2), row.getInt(3));
                    }
                });
        assertThat(sizes).isNotEmpty();
        return sizes;
    }
}
