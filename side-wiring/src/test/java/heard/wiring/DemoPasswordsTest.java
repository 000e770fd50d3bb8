package heard.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff users come from configuration; a demo password is accepted only in the demo profile. */
class DemoPasswordsTest {
    final SiteSecurity security = new SiteSecurity();
    final PasswordEncoder encoder = security.passwordEncoder();

    @Test
    void theDemoProfileAcceptsTheDemoPasswords() {
        var users = security.staffUsers(staff("leader", "leader-demo"), encoder, profile("demo"));
        assertThat(encoder.matches("leader-demo", users.loadUserByUsername("leader").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("leader").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_LEADER");
    }

    @Test
    void anyOtherProfileRefusesToStartWithADemoPassword() {
        assertThatThrownBy(() -> security.staffUsers(staff("leader", "leader-demo"), encoder, profile("production")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leader");
        assertThatThrownBy(() -> security.staffUsers(staff("admin", "admin-demo"), encoder, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void otherPasswordsStartInAnyProfile() {
        var users = security.staffUsers(staff("leader", "a long passphrase of her own"), encoder, profile("production"));
        assertThat(users.loadUserByUsername("leader")).isNotNull();
    }

    private SiteSecurity.StaffUsers staff(String name, String password) {
        return new SiteSecurity.StaffUsers(
                Map.of(name, new SiteSecurity.StaffUser(encoder.encode(password), List.of(name.toUpperCase()))));
    }

    private static MockEnvironment profile(String name) {
        var environment = new MockEnvironment();
        environment.setActiveProfiles(name);
        return environment;
    }
}
