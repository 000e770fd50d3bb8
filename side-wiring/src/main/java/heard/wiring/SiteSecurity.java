package heard.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import heard.forms.FormTokens;
import heard.headers.ContentSecurityPolicy;
import heard.signin.StaffDirectory;
import heard.signin.StaffSignIn;
import heard.signin.ThrottledSignIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security of both sides, and of the standalone app that holds both, configured once.
 * Participants are anonymous; staff sign in on the sign-in page or with HTTP Basic against
 * {@code heard.security.users} (BCrypt hashes), see {@link StaffSignIn}. Roles are checked on each
 * endpoint. Outside the demo profile the demo passwords are refused, so a real deployment cannot start with them.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableMethodSecurity
@EnableConfigurationProperties(SiteSecurity.StaffUsers.class)
public class SiteSecurity {
    public static final Set<String> DEMO_USERS = Set.of("facilitator", "analyst", "leader", "admin");
    private static final Logger log = LoggerFactory.getLogger(SiteSecurity.class);
    private static final String DEMO_WARNING = """

            ********************************************************************************
            *  DEMO PROFILE: the staff users facilitator, analyst, leader and admin have    *
            *  the public passwords <name>-demo. Never expose this instance to real people. *
            *  Run with --spring.profiles.active=<your profile> and users of your own.      *
            ********************************************************************************""";

    @ConfigurationProperties("heard.security")
    public record StaffUsers(Map<String, StaffUser> users) {
        public StaffUsers {
            users = users == null ? Map.of() : users;
        }
    }

    public record StaffUser(String password, List<String> roles) {
    }

    @Bean
    @ConditionalOnMissingBean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The signature of the pages' forms, checked by the command side on every form post. When the sides
     * run apart they must share {@code heard.security.form-secret}; without one a side does not start.
     */
    @Bean
    @ConditionalOnMissingBean
    public FormTokens formTokens(Environment environment) {
        String secret = environment.getProperty("heard.security.form-secret");
        if (FormTokens.DEMO_SECRET.equals(secret) && !environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("heard.security.form-secret has its public demo value outside the demo"
                    + " profile. Give both sides a random secret of their own.");
        }
        return FormTokens.withSecret(secret,
                environment.getProperty("heard.security.form-token-lifetime", Duration.class, Duration.ofHours(8)));
    }

    @Bean
    @ConditionalOnMissingBean
    public UserDetailsService staffUsers(StaffUsers staff, PasswordEncoder encoder, Environment environment) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (demo) {
            log.warn(DEMO_WARNING);
        }
        var manager = new InMemoryUserDetailsManager();
        staff.users().forEach((name, user) -> {
            if (!demo && DEMO_USERS.contains(name) && encoder.matches(name + "-demo", user.password())) {
                throw new IllegalStateException("The user " + name + " has its demo password outside the demo profile."
                        + " Give it a password of its own, or start with --spring.profiles.active=demo.");
            }
            manager.createUser(User.withUsername(name).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        });
        return manager;
    }

    /** The configured users, then the accounts administrators added on their page. */
    @Bean
    @ConditionalOnMissingBean
    public StaffDirectory staffDirectory(UserDetailsService staffUsers, DataSource database) {
        return new StaffDirectory(staffUsers, database);
    }

    /** Names and passwords, checked behind a throttle of failed sign-ins per account and per address. */
    @Bean
    @ConditionalOnMissingBean
    public AuthenticationProvider staffSignIn(StaffDirectory staff, PasswordEncoder encoder, Environment environment,
            DataSource database) {
        return ThrottledSignIn.of(staff, encoder, environment, database);
    }

    /**
     * No observation of each security filter, sign-in and authorization check. Heard keeps no traces, and with
     * only their metrics turned off, the wrapping of every filter of every request still cost about 2 % of the
     * app's CPU (5 % of the command side's). The HTTP requests' own metrics stay.
     */
    @Bean
    @ConditionalOnMissingBean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    public SecurityFilterChain heardSecurity(HttpSecurity http, ObjectMapper json, Environment environment,
            StaffDirectory staff) throws Exception {
        String commandUrl = environment.getProperty("heard.web.command-url");
        RequestMatcher apiDocs = request -> request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");
        StaffSignIn.configure(http, json, environment, staff)
                .authorizeHttpRequests(requests -> requests
                        // The facilitator console: the sign-in page (or HTTP Basic), then roles per page and form.
                        .requestMatchers("/staff", "/staff/**").authenticated()
                        .anyRequest().permitAll())
                // with Spring Security's defaults: X-Content-Type-Options: nosniff, no caching; receipt pages
                // set Referrer-Policy: no-referrer themselves, which this one does not overwrite
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiDocs),
                                new StaticHeadersWriter("Content-Security-Policy", ContentSecurityPolicy.of(commandUrl))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiDocs, new StaticHeadersWriter(
                                "Content-Security-Policy", ContentSecurityPolicy.forApiDocs(commandUrl))))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
