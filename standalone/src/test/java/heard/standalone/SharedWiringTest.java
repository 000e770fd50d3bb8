package heard.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import heard.wiring.InstanceName;
import heard.wiring.commits.StoreAtCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    @Autowired
    TokenStore tokens;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    /**
     * Two instances starting at once on a fresh database both find a processor without tokens and both write
     * its first ones; the one whose rows meet the other's, committed meanwhile, must be told so and go on
     * starting, not find its start-up transaction spoiled.
     */
    @Test
    void anInstanceThatLosesTheRaceToWriteAProcessorsFirstTokensStillStarts() throws Exception {
        String processor = "racing-" + UUID.randomUUID();
        TransactionTemplate starting = new TransactionTemplate(transactions);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> starting.executeWithoutResult(tx -> {
            tokens.initializeTokenSegments(processor, 4, null);
            written.countDown();
            Pause.sleep(Duration.ofSeconds(1));
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

        starting.executeWithoutResult(tx -> assertThatThrownBy(
                () -> tokens.initializeTokenSegments(processor, 4, null)).isNotNull());

        other.get(30, TimeUnit.SECONDS);
        int[] segments = starting.execute(after -> tokens.fetchSegments(processor));
        assertThat(segments).containsExactly(0, 1, 2, 3);
    }

    /** The H2 store's commits that wrote reach its file before they return, but the read models' (StoreAtCommitTest). */
    @Test
    void theStoresConnectionsStoreEachCommitThatWrote() {
        assertThat(((HikariDataSource) dataSource).getDataSource()).isInstanceOf(StoreAtCommit.class);
    }

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

    /** Each security filter wrapped in an observation cost CPU on every request, even with its metrics off. */
    @Test
    void requestsPassTheSecurityFiltersUnobserved() throws Exception {
        List<String> callers = new ArrayList<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/initiatives");
        context.getBean("springSecurityFilterChain", FilterChainProxy.class).doFilter(request,
                new MockHttpServletResponse(), (passed, answered) -> StackWalker.getInstance()
                        .forEach(frame -> callers.add(frame.getClassName())));
        assertThat(callers).anyMatch(caller -> caller.startsWith("org.springframework.security.web."))
                .noneMatch(caller -> caller.contains("Observation"));
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
