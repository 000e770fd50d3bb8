package heard.command.staff;

import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.events.StaffAccountDisabled;
import heard.events.StaffAccountOpened;
import heard.events.StaffRole;
import heard.events.StaffRolesSet;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffAccountTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final StaffAccountOpened OPENED = new StaffAccountOpened("maria", "María", List.of(StaffRole.FACILITATOR),
            AT, "admin");

    private AggregateTestFixture<StaffAccount> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(StaffAccount.class);
    }

    @Test
    void newRolesReplaceTheOldOnesAndTheSameRolesRecordNothing() {
        fixture.given(OPENED)
                .when(new SetStaffRoles("maria", List.of(StaffRole.ANALYST, StaffRole.LEADER), AT, "admin"))
                .expectEvents(new StaffRolesSet("maria", List.of(StaffRole.ANALYST, StaffRole.LEADER), AT, "admin"));
        fixture.given(OPENED)
                .when(new SetStaffRoles("maria", List.of(StaffRole.FACILITATOR), AT, "admin"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAccountHoldsAtLeastOneRoleEachOnce() {
        fixture.given(OPENED).when(new SetStaffRoles("maria", List.of(), AT, "admin"))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(OPENED).when(new SetStaffRoles("maria", List.of(StaffRole.ADMIN, StaffRole.ADMIN), AT, "admin"))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aDisabledAccountStaysAsItIs() {
        fixture.given(OPENED).when(new DisableStaffAccount("maria", AT, "admin"))
                .expectEvents(new StaffAccountDisabled("maria", AT, "admin"));
        fixture.given(OPENED, new StaffAccountDisabled("maria", AT, "admin"))
                .when(new DisableStaffAccount("maria", AT, "admin"))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED, new StaffAccountDisabled("maria", AT, "admin"))
                .when(new SetStaffRoles("maria", List.of(StaffRole.ADMIN), AT, "admin"))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() {
        fixture.given(new StaffAccountOpened("jo", "Jo", List.of(StaffRole.ADMIN), AT, "admin"))
                .when(new DisableStaffAccount("jo", AT, "jo"))
                .expectException(RuleViolation.class).expectNoEvents();
    }
}
