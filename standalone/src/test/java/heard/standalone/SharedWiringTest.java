package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import heard.wiring.InstanceName;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Both sides in one process are configured by the one shared wiring: its settings reach the app, one security
 * configuration and one token store serve both sides, and every processor of either side claims its tokens under
 * this instance's name.
 */
@StandaloneTest
class SharedWiringTest {
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSharedSettingsReachTheApp() {
        assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
                .anyMatch(name -> name.contains("heard/wiring/defaults.yml"));
        assertThat(environment.getProperty("server.servlet.session.cookie.name")).isEqualTo("heard-session");
        assertThat(environment.getProperty("springdoc.swagger-ui.path")).isEqualTo("/swagger-ui.html");
    }

    @Test
    void oneSecurityConfigurationAndOneTokenStoreServeBothSides() {
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("heardSecurity");
        assertThat(context.getBeansOfType(TokenStore.class)).hasSize(1);
    }

    @Test
    void everyProcessorClaimsUnderThisInstancesName() {
        String self = context.getBean(InstanceName.class).id();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> owners().size() > 1);
        assertThat(owners()).containsOnly(self);
    }

    private List<String> owners() {
        return jdbc.queryForList("select owner from token_entry where owner is not null", String.class);
    }
}
