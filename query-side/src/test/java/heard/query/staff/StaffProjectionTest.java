package heard.query.staff;

import static org.assertj.core.api.Assertions.assertThat;

import heard.events.StaffAccountOpened;
import heard.events.StaffMemberNamed;
import heard.events.StaffRole;
import heard.limits.InputLimits;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ProjectionTest
@Import({StaffProjection.class, StaffChanges.class, StaffMembers.class, StaffNames.class})
class StaffProjectionTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final String ANA = "5f0c9a2e-7c41-4d0b-9d1e-2b6f3c8a1e90";

    @Autowired
    StaffProjection projection;
    @Autowired
    StaffMembers members;
    @Autowired
    StaffNames names;
    @Autowired
    EventDelivery delivery;

    @Test
    void aSubjectTheProviderNamedIsShownByItsLatestName() {
        assertThat(names.of(ANA)).as("never named: the subject, as before").isEqualTo(ANA);

        delivery.deliver(() -> projection.on(new StaffMemberNamed(ANA, "Ana Ruiz", AT)));
        assertThat(names.of(ANA)).isEqualTo("Ana Ruiz");

        delivery.deliver(() -> projection.on(new StaffMemberNamed(ANA, "Ana María Ruiz", AT.plusSeconds(60))));
        assertThat(names.of(ANA)).isEqualTo("Ana María Ruiz");
        assertThat(members.all()).containsExactly(new StaffMemberView(ANA, "Ana María Ruiz", AT.plusSeconds(60)));
    }

    @Test
    void membersAreListedByNameAndLocalAccountsKeepTheirNames() {
        delivery.deliver(() -> projection.on(new StaffMemberNamed(ANA, "Ana Ruiz", AT)));
        delivery.deliver(() -> projection.on(new StaffMemberNamed("0042", "Bo Díaz", AT)));
        delivery.deliver(() -> projection.on(new StaffAccountOpened("maria", "María López",
                List.of(StaffRole.FACILITATOR), AT, "admin"), 0));

        assertThat(members.all()).extracting(StaffMemberView::displayName).containsExactly("Ana Ruiz", "Bo Díaz");
        assertThat(names.of("maria")).isEqualTo("María López");
        assertThat(names.of("admin")).as("a configured user").isEqualTo("admin");
        assertThat(names.of("0042")).isEqualTo("Bo Díaz");
    }

    @Test
    void theLongestNameOfTheLongestSubjectIsKept() {
        String subject = "s".repeat(InputLimits.ACCOUNT_NAME);
        String name = "\"".repeat(InputLimits.DISPLAY_NAME);
        delivery.deliver(() -> projection.on(new StaffMemberNamed(subject, name, AT)));
        assertThat(names.of(subject)).isEqualTo(name);
    }

    @Test
    void aRebuildStartsFromNoNames() {
        delivery.deliver(() -> projection.on(new StaffMemberNamed(ANA, "Ana Ruiz", AT)));
        delivery.deliver(projection::reset);
        assertThat(members.all()).isEmpty();
        assertThat(names.of(ANA)).isEqualTo(ANA);
    }
}
