package heard.command.feedback;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.command.catalog.InMemoryCatalog;
import heard.events.Actors;
import heard.events.Channel;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.UnderstandingSummarized;
import heard.limits.InputLimits;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever path a command takes, a feedback records nothing its read models could not store. */
class FeedbackLimitsTest {
    private static final String INITIATIVE = "initiative-1";
    private static final String FEEDBACK = "feedback-1";
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final String RECEIPT_HASH = "receipt-hash";

    private FixtureConfiguration<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        fixture.registerInjectableResource(new InMemoryCatalog().withInitiative(INITIATIVE, 72, "parents"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee", "abc-abcdefgh-abcdefgh", "English",
            "en-", ""})
    void aLanguageThatIsNotAShortTagIsRefused(String language) {
        fixture.givenNoPriorActivity()
                .when(submit("text", language, null))
                .expectException(ruleViolationOn("language"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "es-419", "zh-Hant-TW"})
    void aShortLanguageTagIsRecorded(String language) {
        fixture.givenNoPriorActivity()
                .when(submit("text", language, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void textLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit("x".repeat(InputLimits.FEEDBACK_TEXT + 1), "en", null))
                .expectException(ruleViolationOn("text"))
                .expectNoEvents();
    }

    @Test
    void contactLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit("text", "en", "c".repeat(InputLimits.CONTACT + 1)))
                .expectException(ruleViolationOn("contact"))
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementLongerThanTheCapIsRefused() {
        fixture.given(submitted())
                .when(new AcknowledgeFeedback(FEEDBACK, "m".repeat(InputLimits.ACKNOWLEDGEMENT + 1), AT, "facilitator"))
                .expectException(ruleViolationOn("message"))
                .expectNoEvents();
    }

    @Test
    void aSummaryLongerThanTheCapIsRefused() {
        fixture.given(submitted(), new FeedbackAcknowledged(FEEDBACK, INITIATIVE, "thanks", AT, "facilitator"))
                .when(new SummarizeUnderstanding(FEEDBACK, "s".repeat(InputLimits.SUMMARY + 1), AT, "facilitator"))
                .expectException(ruleViolationOn("summary"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionLongerThanTheCapIsRefused() {
        fixture.given(submitted(), new FeedbackAcknowledged(FEEDBACK, INITIATIVE, "thanks", AT, "facilitator"),
                        new UnderstandingSummarized(FEEDBACK, INITIATIVE, "summary", 1, AT, "facilitator"))
                .when(new AnswerSummary(FEEDBACK, RECEIPT_HASH, false, "c".repeat(InputLimits.CORRECTION + 1), AT))
                .expectException(ruleViolationOn("correction"))
                .expectNoEvents();
    }

    @Test
    void moreThemesInOnePostThanTheCapAreRefused() {
        fixture.given(submitted())
                .when(theme(themes("t", InputLimits.THEMES_PER_POST + 1)))
                .expectException(ruleViolationOn("themes"))
                .expectNoEvents();
    }

    @Test
    void aThemeLongerThanTheCapOnceLowerCasedIsRefused() {
        // 'İ' lower-cases to two characters: the recorded theme, not the sent one, must fit
        fixture.given(submitted())
                .when(theme(List.of("İ".repeat(InputLimits.THEME / 2 + 1))))
                .expectException(ruleViolationOn("themes"))
                .expectNoEvents();
    }

    @Test
    void aThemeOfMoreThanOneLineIsRefused() {
        fixture.given(submitted())
                .when(theme(List.of("two\nlines")))
                .expectException(ruleViolationOn("themes"))
                .expectNoEvents();
    }

    @Test
    void themesAddedOverManyPostsStopAtTheCapForTheWholeFeedback() {
        int room = InputLimits.THEMES - InputLimits.THEMES_PER_POST;
        fixture.given(submitted(), new FeedbackThemed(FEEDBACK, INITIATIVE,
                        themes("a", InputLimits.THEMES_PER_POST), AT, "analyst"))
                .when(theme(themes("b", room + 1)))
                .expectException(ruleViolationOn("themes"))
                .expectNoEvents();
    }

    @Test
    void themesUpToTheCapForTheWholeFeedbackAreRecorded() {
        int room = InputLimits.THEMES - InputLimits.THEMES_PER_POST;
        fixture.given(submitted(), new FeedbackThemed(FEEDBACK, INITIATIVE,
                        themes("a", InputLimits.THEMES_PER_POST), AT, "analyst"))
                .when(theme(themes("b", room)))
                .expectEvents(new FeedbackThemed(FEEDBACK, INITIATIVE, themes("b", room), AT, "analyst"));
    }

    private static List<String> themes(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static ThemeFeedback theme(List<String> themes) {
        return new ThemeFeedback(FEEDBACK, themes, AT, "analyst");
    }

    private static SubmitFeedback submit(String text, String language, String contact) {
        return new SubmitFeedback(FEEDBACK, INITIATIVE, text, Channel.WEB, language, "parents", contact, false,
                RECEIPT_HASH, AT, Actors.PARTICIPANT);
    }

    private static FeedbackSubmitted submitted() {
        return new FeedbackSubmitted(FEEDBACK, INITIATIVE, "text", Channel.WEB, "en", "parents", null, false,
                RECEIPT_HASH, AT.plusSeconds(3600), AT, Actors.PARTICIPANT);
    }
}
