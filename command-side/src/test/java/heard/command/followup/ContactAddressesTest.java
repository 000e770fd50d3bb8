package heard.command.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.command.refusals.RuleViolation;
import heard.events.FollowUpChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactAddressesTest {
    private final ContactAddresses addresses = new ContactAddresses("US");

    @Test
    void keepsAnEmailAddressWithItsDomainInLowerCase() {
        assertThat(addresses.email("email", "  Maria.Lopez@Example.ORG ")).isEqualTo("Maria.Lopez@example.org");
    }

    @Test
    void refusesWhatNoMailServerCouldDeliverTo() {
        for (String bad : List.of("maria", "maria@", "@example.org", "maria@example", "ma ria@example.org",
                "maria@exa_mple.org", "a@b@example.org", "maria@example.org\r\nBcc: x@example.org")) {
            assertThatThrownBy(() -> addresses.email("email", bad)).as(bad).isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.field()).isEqualTo("email"));
        }
        assertThatThrownBy(() -> addresses.email("email", "a".repeat(250) + "@example.org"))
                .hasMessageContaining("at most 254");
    }

    @Test
    void writesAMobileNumberInE164() {
        assertThat(addresses.mobile("mobile", "+34 612 34 56 78")).isEqualTo("+34612345678");
        assertThat(addresses.mobile("mobile", "(201) 555-0123")).isEqualTo("+12015550123");
        assertThat(addresses.mobile("mobile", "+44 7400 123456")).isEqualTo("+447400123456");
    }

    @Test
    void readsANumberWithoutCountryCodeInTheConfiguredRegion() {
        assertThat(new ContactAddresses("es").mobile("mobile", "612 34 56 78")).isEqualTo("+34612345678");
    }

    @Test
    void refusesANumberThatCannotReceiveTexts() {
        for (String bad : List.of("+34 912 345 678", "12", "+1 555 0100", "not a number", "+99 123 456 789",
                "1".repeat(41))) {
            assertThatThrownBy(() -> addresses.mobile("mobile", bad)).as(bad)
                    .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("mobile"));
        }
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThatThrownBy(() -> new ContactAddresses("Narnia")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void followsUpOnEachChannelConsentedTo() {
        assertThat(addresses.chosen("maria@example.org", true, "+34 612 345 678", true, null, false)).containsExactly(
                new FollowUpAddress(FollowUpChannel.EMAIL, "maria@example.org"),
                new FollowUpAddress(FollowUpChannel.SMS, "+34612345678"));
        assertThat(addresses.chosen("maria@example.org", false, "+34 612 345 678", true, null, false))
                .containsExactly(new FollowUpAddress(FollowUpChannel.SMS, "+34612345678"));
    }

    @Test
    void refusesConsentWithoutItsAddressAndAnAddressThatIsNotOne() {
        assertThatThrownBy(() -> addresses.chosen(null, true, null, false, null, false))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> addresses.chosen("maria@example.org", true, "", true, null, false))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("mobile"));
        assertThatThrownBy(() -> addresses.chosen("maria@", false, null, false, null, false))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void readsAnOlderClientsContactWithConsentAsItsChannel() {
        assertThat(addresses.chosen(null, false, null, false, "Maria@Example.org", true))
                .containsExactly(new FollowUpAddress(FollowUpChannel.EMAIL, "Maria@example.org"));
        assertThat(addresses.chosen(null, false, null, false, "+34 612 345 678", true))
                .containsExactly(new FollowUpAddress(FollowUpChannel.SMS, "+34612345678"));
        assertThat(addresses.chosen(null, false, null, false, "Maria@Example.org", false)).isEmpty();
        // what is neither is kept as it always was, and follows no one up
        assertThat(addresses.chosen(null, false, null, false, "ask for me at the front desk", true)).isEmpty();
        assertThat(addresses.chosen(null, false, null, false, "+1 555 0100", true)).isEmpty();
    }
}
