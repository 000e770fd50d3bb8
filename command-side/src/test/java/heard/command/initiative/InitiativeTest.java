package heard.command.initiative;

import static heard.command.refusals.Rejections.ruleViolationOn;

import heard.events.InitiativeLaunched;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InitiativeTest {
    private static final String INITIATIVE = "initiative-1";
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private FixtureConfiguration<Initiative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
    }

    @Test
    void launchRecordsTheGuidingQuestionGroupsLanguagesAndTarget() {
        List<StakeholderGroup> groups = List.of(group("parents", 0.6), group("staff", 0.3));
        fixture.givenNoPriorActivity()
                .when(launch(groups, List.of("en", "es"), 72))
                .expectSuccessfulHandlerExecution()
                .expectEvents(launched(groups, List.of("en", "es"), 72));
    }

    @Test
    void launchWithoutGroupsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void launchWithAGroupCodeUsedTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 0.3), group("parents", 0.2)), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void launchWithANegativeShareIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", -0.1)), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void launchWithAShareAboveOneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 1.5)), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void launchWithAShareThatIsNotANumberIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", Double.NaN)), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void launchWithSharesAddingUpToMoreThanOneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 0.6), group("staff", 0.5)), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void launchWithSharesJustOverOneBeyondRoundingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 0.6), group("staff", 0.400001)), List.of("en"), 72))
                .expectException(ruleViolationOn("stakeholderGroups"))
                .expectNoEvents();
    }

    @Test
    void sharesAddingUpToExactlyOneAreAllowed() {
        List<StakeholderGroup> groups = List.of(group("parents", 0.7), group("staff", 0.2), group("students", 0.1));
        fixture.givenNoPriorActivity()
                .when(launch(groups, List.of("en"), 72))
                .expectSuccessfulHandlerExecution()
                .expectEvents(launched(groups, List.of("en"), 72));
    }

    @Test
    void sharesWhoseFloatingPointSumLandsJustAboveOneAreAllowed() {
        // 0.56 + 0.34 + 0.10 is 1.0000000000000002 in double arithmetic
        List<StakeholderGroup> groups = List.of(group("parents", 0.56), group("staff", 0.34), group("students", 0.10));
        fixture.givenNoPriorActivity()
                .when(launch(groups, List.of("en"), 72))
                .expectSuccessfulHandlerExecution()
                .expectEvents(launched(groups, List.of("en"), 72));
    }

    @Test
    void launchWithoutLanguagesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 0.5)), List.of(), 72))
                .expectException(ruleViolationOn("languages"))
                .expectNoEvents();
    }

    @Test
    void launchNamingALanguageTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 0.5)), List.of("en", "es", "en"), 72))
                .expectException(ruleViolationOn("languages"))
                .expectNoEvents();
    }

    @Test
    void launchWithAnAcknowledgementTargetUnderOneHourIsRefused() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(group("parents", 0.5)), List.of("en"), 0))
                .expectException(ruleViolationOn("acknowledgeWithinHours"))
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementTargetOfOneHourIsAllowed() {
        List<StakeholderGroup> groups = List.of(group("parents", 0.5));
        fixture.givenNoPriorActivity()
                .when(launch(groups, List.of("en"), 1))
                .expectEvents(launched(groups, List.of("en"), 1));
    }

    private static LaunchInitiative launch(List<StakeholderGroup> groups, List<String> languages, int hours) {
        return new LaunchInitiative(INITIATIVE, "Safer routes to school", "How do your children get to school?",
                groups, languages, hours, AT, "leader");
    }

    private static InitiativeLaunched launched(List<StakeholderGroup> groups, List<String> languages, int hours) {
        return new InitiativeLaunched(INITIATIVE, "Safer routes to school", "How do your children get to school?",
                groups, languages, hours, AT, "leader");
    }

    private static StakeholderGroup group(String code, double share) {
        return new StakeholderGroup(code, code + " of the district", StakeholderRole.BENEFICIARY, share);
    }
}
