package heard.command.staff;

import static org.assertj.core.api.Assertions.assertThat;

import heard.command.refusals.RuleViolation;
import heard.events.StaffMemberNamed;
import heard.limits.InputLimits;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffMemberTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant LATER = AT.plusSeconds(86_400);
    private static final String SUBJECT = "5f0c9a2e-7c41-4d0b-9d1e-2b6f3c8a1e90";

    private AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
    }

    @Test
    void theFirstNameIsRecordedUnderTheSubject() {
        fixture.givenNoPriorActivity()
                .when(NameStaffMember.of(SUBJECT, "Ana Ruiz", AT))
                .expectEvents(new StaffMemberNamed(SUBJECT, "Ana Ruiz", AT))
                .expectState(member -> assertThat(member).extracting("memberId").isEqualTo("staff-member:" + SUBJECT));
    }

    @Test
    void theSameNameAgainRecordsNothingAndAnotherNameIsRecorded() {
        fixture.given(new StaffMemberNamed(SUBJECT, "Ana Ruiz", AT))
                .when(NameStaffMember.of(SUBJECT, "Ana Ruiz", LATER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(new StaffMemberNamed(SUBJECT, "Ana Ruiz", AT))
                .when(NameStaffMember.of(SUBJECT, "Ana María Ruiz", LATER))
                .expectEvents(new StaffMemberNamed(SUBJECT, "Ana María Ruiz", LATER));
        fixture.given(new StaffMemberNamed(SUBJECT, "Ana Ruiz", AT),
                        new StaffMemberNamed(SUBJECT, "Ana María Ruiz", LATER))
                .when(NameStaffMember.of(SUBJECT, "Ana Ruiz", LATER.plusSeconds(60)))
                .expectEvents(new StaffMemberNamed(SUBJECT, "Ana Ruiz", LATER.plusSeconds(60)));
    }

    @Test
    void aNameIsOneLineWithinTheDisplayNamesCap() {
        fixture.givenNoPriorActivity()
                .when(NameStaffMember.of(SUBJECT, "x".repeat(InputLimits.DISPLAY_NAME + 1), AT))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(NameStaffMember.of(SUBJECT, "Ana\nRuiz", AT))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(NameStaffMember.of(SUBJECT, "", AT))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(NameStaffMember.of(SUBJECT, "x".repeat(InputLimits.DISPLAY_NAME), AT))
                .expectEvents(new StaffMemberNamed(SUBJECT, "x".repeat(InputLimits.DISPLAY_NAME), AT));
    }

    @Test
    void theSubjectFitsTheColumnsThatNameWhoActed() {
        fixture.givenNoPriorActivity()
                .when(NameStaffMember.of("s".repeat(InputLimits.ACCOUNT_NAME + 1), "Ana Ruiz", AT))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aMemberIsNamedOnlyUnderTheirOwnSubject() {
        fixture.givenNoPriorActivity()
                .when(new NameStaffMember("staff-member:someone-else", SUBJECT, "Ana Ruiz", AT))
                .expectException(RuleViolation.class).expectNoEvents();
    }
}
