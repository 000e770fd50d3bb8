package heard.query.decision;

import static heard.query.LoopEvents.hoursAfterT0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.FeedbackThemed;
import heard.query.LoopEvents;
import heard.query.batching.Upserts;
import heard.query.config.AppliedAlone;
import heard.query.config.CountedDatabase;
import heard.query.config.OnBothDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decisions' feedback themes fed as a processor feeds them, many events in one committed transaction, on H2
 * and on PostgreSQL: the same rows as one event per transaction, for a bounded number of statements; nothing
 * changes when the batch comes again, also mixed with new events; and a batch holding an event that cannot be
 * stored fails at its commit and, applied again one event per transaction, stores every other event. Prints the
 * statements sent per event.
 */
class FeedbackThemesBatchesTest extends OnBothDatabases {
    private static final List<String> THEMES = List.of("transport", "safety", "lighting", "crossing", "hours");
    private static final int FEEDBACK = 600;

    private final class Themes extends CountedDatabase {
        final ThemeWrites writes;

        Themes(String vendor) throws SQLException {
            super(vendor, postgres);
            writes = new ThemeWrites(db, new Upserts(dataSource));
        }

        void batch(List<FeedbackThemed> events) {
            transaction.executeWithoutResult(status -> events.forEach(this::handle));
        }

        /** As the decisions' projection hands the event over. */
        void handle(FeedbackThemed event) {
            writes.themed(event.feedbackId(), event.themes());
        }

        /** Every row, as text, in key order. */
        List<String> rows() {
            return db.query("select feedback_id, themes from decision_feedback_theme order by feedback_id",
                    (row, number) -> row.getString(1) + "|" + row.getString(2));
        }

        String themesOf(String feedbackId) {
            return db.queryForObject("select themes from decision_feedback_theme where feedback_id = ?", String.class,
                    feedbackId);
        }
    }

    private static FeedbackThemed themed(int feedback, int hour, String... themes) {
        return LoopEvents.feedback("feedback-" + feedback, "initiative-" + feedback % 3)
                .themed(hoursAfterT0(hour), themes);
    }

    /**
     * Each feedback themed once, a third of them again with a theme they have and one they have not, every tenth a
     * third time with themes all known; the feedback's events interleaved with the others'.
     */
    private static List<FeedbackThemed> story(int feedback) {
        List<FeedbackThemed> events = new ArrayList<>();
        for (int j = 0; j < feedback; j++) {
            events.add(themed(j, 1, THEMES.get(j % 5), THEMES.get((j + 1) % 5)));
        }
        for (int j = 0; j < feedback; j += 3) {
            events.add(themed(j, 2, THEMES.get((j + 1) % 5), THEMES.get((j + 2) % 5), THEMES.get((j + 2) % 5)));
        }
        for (int j = 0; j < feedback; j += 10) {
            events.add(themed(j, 3, THEMES.get(j % 5)));
        }
        return events;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchWritesWhatEventByEventWritesInAFewStatementsAndNothingWhenItComesAgain(String vendor)
            throws SQLException {
        Themes themes = new Themes(vendor);
        List<FeedbackThemed> events = story(FEEDBACK);

        themes.counted.reset();
        events.forEach(event -> themes.batch(List.of(event)));
        long alone = themes.counted.statements();
        List<String> eventByEvent = themes.rows();

        themes.transaction.executeWithoutResult(status -> themes.writes.reset());
        themes.counted.reset();
        themes.batch(events);
        long batched = themes.counted.statements();
        long batchedRows = themes.counted.batchedRows();
        assertThat(themes.rows()).isEqualTo(eventByEvent);

        themes.counted.reset();
        themes.batch(events);
        long again = themes.counted.statements();
        assertThat(themes.rows()).isEqualTo(eventByEvent);
        System.out.printf("decision themes on %s: %d events of %d feedback in one batch: %d statements (%.4f an"
                + " event), %d rows batched; one per transaction: %d (%.3f an event); the batch again: %d%n", vendor,
                events.size(), FEEDBACK, batched, batched / (double) events.size(), batchedRows, alone,
                alone / (double) events.size(), again);

        // a read per 500 feedback, and one batched upsert
        assertThat(batched).isEqualTo(3);
        assertThat(batchedRows).isEqualTo(FEEDBACK);
        assertThat(again).isEqualTo(2);
        assertThat(eventByEvent).hasSize(FEEDBACK);
        assertThat(themes.themesOf("feedback-3")).isEqualTo("[\"crossing\",\"hours\",\"transport\"]");
        assertThat(themes.themesOf("feedback-30")).isEqualTo("[\"transport\",\"safety\",\"lighting\"]");
        assertThat(themes.themesOf("feedback-11")).isEqualTo("[\"safety\",\"lighting\"]");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void redeliveredEventsAmongNewOnesChangeNothingAndTheNewOnesApplyAfterTheStoredThemes(String vendor)
            throws SQLException {
        Themes themes = new Themes(vendor);
        List<FeedbackThemed> events = story(FEEDBACK);
        themes.batch(events);
        List<String> once = themes.rows();

        List<FeedbackThemed> mixed = new ArrayList<>(events);
        Collections.reverse(mixed);
        mixed.add(events.size() / 2, themed(FEEDBACK, 4, "benches"));
        mixed.add(themed(11, 4, "benches", "safety"));
        themes.batch(mixed);

        List<String> rows = themes.rows();
        List<String> expected = new ArrayList<>(once);
        expected.remove("feedback-11|[\"safety\",\"lighting\"]");
        assertThat(rows).containsAll(expected).hasSize(once.size() + 1);
        assertThat(themes.themesOf("feedback-11")).isEqualTo("[\"safety\",\"lighting\",\"benches\"]");
        assertThat(themes.themesOf("feedback-" + FEEDBACK)).isEqualTo("[\"benches\"]");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventThatCannotBeStoredFailsItsBatchAndIsFoundAloneWhileTheRestApply(String vendor) throws SQLException {
        Themes themes = new Themes(vendor);
        List<FeedbackThemed> events = story(60);
        events.forEach(event -> themes.batch(List.of(event)));
        List<String> eventByEvent = themes.rows();
        themes.transaction.executeWithoutResult(status -> themes.writes.reset());

        List<FeedbackThemed> batch = new ArrayList<>(events);
        // more themes than the column holds, as an app without today's caps could have recorded them
        FeedbackThemed unstorable = themed(FEEDBACK + 1, 4, IntStream.range(0, 300)
                .mapToObj(n -> "theme-" + n + "-" + "x".repeat(10)).toArray(String[]::new));
        batch.add(batch.size() / 2, unstorable);

        assertThatThrownBy(() -> themes.batch(batch)).isInstanceOf(RuntimeException.class);
        assertThat(themes.rows()).isEmpty();

        // as the parking does: the batch again, each event in a transaction of its own
        List<FeedbackThemed> parked = AppliedAlone.failing(themes.transaction, themes.alone, batch, themes::handle);

        assertThat(parked).containsExactly(unstorable);
        assertThat(themes.rows()).isEqualTo(eventByEvent);
    }
}
