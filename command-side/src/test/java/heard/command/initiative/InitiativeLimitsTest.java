package heard.command.initiative;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
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

/** An initiative launched by any path holds only what its read models can store. */
class InitiativeLimitsTest {
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final List<StakeholderGroup> GROUPS = List.of(group("parents", "Parents"));

    private FixtureConfiguration<Initiative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
    }

    @Test
    void aTitleLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch("t".repeat(InputLimits.TITLE + 1), "q", GROUPS, List.of("en")))
                .expectException(ruleViolationOn("title"))
                .expectNoEvents();
    }

    @Test
    void aGuidingQuestionLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch("t", "q".repeat(InputLimits.GUIDING_QUESTION + 1), GROUPS, List.of("en")))
                .expectException(ruleViolationOn("guidingQuestion"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "a;b", "codeThatIsLongerThanFortyCharactersAltogether"})
    void aGroupCodeThatIsNotShortLettersAndDigitsIsRefused(String code) {
        fixture.givenNoPriorActivity()
                .when(launch("t", "q", List.of(group(code, "Name")), List.of("en")))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", ""})
    void aGroupNameOnMoreThanOneLineOrEmptyIsRefused(String name) {
        fixture.givenNoPriorActivity()
                .when(launch("t", "q", List.of(group("parents", name)), List.of("en")))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void aGroupNameLongerThanTheCapIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch("t", "q", List.of(group("parents", "n".repeat(InputLimits.GROUP_NAME + 1))),
                        List.of("en")))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void moreGroupsThanTheCapAreRefused() {
        List<StakeholderGroup> many = IntStream.rangeClosed(0, InputLimits.GROUPS)
                .mapToObj(i -> new StakeholderGroup("g" + i, "Group " + i, StakeholderRole.COMMUNITY, 0))
                .toList();
        fixture.givenNoPriorActivity()
                .when(launch("t", "q", many, List.of("en")))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee", "abc-abcdefgh-abcdefgh", "English!"})
    void aLanguageThatIsNotAShortTagIsRefused(String language) {
        fixture.givenNoPriorActivity()
                .when(launch("t", "q", GROUPS, List.of("en", language)))
                .expectException(ruleViolationOn("languages"))
                .expectNoEvents();
    }

    @Test
    void moreLanguagesThanTheCapAreRefused() {
        List<String> many = IntStream.rangeClosed(0, InputLimits.LANGUAGES).mapToObj(i -> "l" + (char) ('a' + i))
                .toList();
        fixture.givenNoPriorActivity()
                .when(launch("t", "q", GROUPS, many))
                .expectException(ruleViolationOn("languages"))
                .expectNoEvents();
    }

    @Test
    void everyValueAtItsCapIsRecorded() {
        List<StakeholderGroup> groups = IntStream.range(0, InputLimits.GROUPS)
                .mapToObj(i -> new StakeholderGroup(("g" + i + "-".repeat(InputLimits.GROUP_CODE)).substring(0,
                        InputLimits.GROUP_CODE), "n".repeat(InputLimits.GROUP_NAME), StakeholderRole.COMMUNITY, 0))
                .toList();
        fixture.givenNoPriorActivity()
                .when(launch("t".repeat(InputLimits.TITLE), "q".repeat(InputLimits.GUIDING_QUESTION), groups,
                        List.of("zh-Hant-TW")))
                .expectSuccessfulHandlerExecution();
    }

    private static LaunchInitiative launch(String title, String question, List<StakeholderGroup> groups,
            List<String> languages) {
        return new LaunchInitiative("initiative-1", title, question, groups, languages, 72, AT, "leader");
    }

    private static StakeholderGroup group(String code, String name) {
        return new StakeholderGroup(code, name, StakeholderRole.BENEFICIARY, 0.5);
    }
}
