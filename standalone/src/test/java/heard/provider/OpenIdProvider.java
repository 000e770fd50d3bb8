package heard.provider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An organization's OpenID provider, in the test JVM (Spring Authorization Server): its staff sign in
 * on its own page, their group names ride in the {@code groups} claim, and it insists on PKCE. The client
 * {@code heard} is Heard itself; {@code heard-script} gets bearer tokens for the API by client credentials,
 * {@code elsewhere} gets tokens meant for another audience; {@code heard-<role>} get tokens whose groups
 * map to that one role. Each person's ID token names them as {@code ana} is named "Ana Ruiz", unless
 * {@link #name} gave them another name. Its package is outside the ones the app scans.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
public class OpenIdProvider {
    public static final String SECRET = "the district's secret for heard";

    /** Each script's own secret. */
    public static String secretOf(String client) {
        return "heard".equals(client) ? SECRET : "the secret of " + client;
    }
    /** The audience Heard takes bearer tokens for. */
    public static final String API = "heard-api";
    /** A leader whose subject is longer than Heard's account names, as OpenID allows (up to 255 characters). */
    public static final String LONG_SUBJECT = "kai.ruiz." + "0123456789".repeat(12);
    /** Each person's password at the provider (under 72 bytes: the provider re-encodes it with BCrypt). */
    public static String passwordOf(String user) {
        return (LONG_SUBJECT.equals(user) ? "kai" : user) + "-at-the-district";
    }

    /** The groups of the staff and of the script, as the organization names them. */
    static final Map<String, List<String>> GROUPS = Map.ofEntries(
            Map.entry("ana", List.of("district-facilitators", "all-staff")), Map.entry("bo", List.of("all-staff")),
            Map.entry("lee", List.of("district-leaders")), Map.entry("ida", List.of("district-it")),
            Map.entry("heard-script", List.of("district-analysts")), Map.entry("elsewhere", List.of("district-analysts")),
            Map.entry("heard-facilitator", List.of("district-facilitators")),
            Map.entry("heard-analyst", List.of("district-analysts")),
            Map.entry("heard-leader", List.of("district-leaders")), Map.entry("heard-admin", List.of("district-it")),
            Map.entry(LONG_SUBJECT, List.of("district-leaders")));

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /** From now on the provider gives {@code user} this name, as when an organization renames someone. */
    public static void name(String user, String name) {
        NAMES.put(user, name);
    }

    /**
     * Heard's settings for this provider at {@code issuer}, Heard answering on {@code heardPort}: each group of
     * {@link #GROUPS} that gives a role, and a Quartz scheduler named for the test, as a context of its own beside
     * the suite's (Quartz keeps its connections per scheduler name for the whole JVM).
     */
    public static void heardSettings(DynamicPropertyRegistry properties, int heardPort, String issuer, String test) {
        properties.add("server.port", () -> heardPort);
        properties.add("spring.quartz.scheduler-name", () -> "heard-" + test);
        properties.add("server.servlet.session.cookie.secure", () -> false);
        properties.add("heard.security.oidc.issuer", () -> issuer);
        properties.add("heard.security.oidc.client-id", () -> "heard");
        properties.add("heard.security.oidc.client-secret", () -> SECRET);
        properties.add("heard.security.oidc.audience", () -> API);
        properties.add("heard.security.oidc.roles.FACILITATOR", () -> "district-facilitators");
        properties.add("heard.security.oidc.roles.ANALYST", () -> "district-analysts, district-data");
        properties.add("heard.security.oidc.roles.LEADER", () -> "district-leaders");
        properties.add("heard.security.oidc.roles.ADMIN", () -> "district-it");
    }

    /** Starts the provider on {@code port}, for Heard answering at {@code heard}. */
    public static ConfigurableApplicationContext start(int port, String heard) {
        return new SpringApplicationBuilder(OpenIdProvider.class).web(WebApplicationType.SERVLET)
                .properties("server.port=" + port, "heard.test.app=" + heard, "spring.main.banner-mode=off",
                        "spring.config.name=openid-provider", "server.servlet.session.cookie.name=PROVIDER_SESSION")
                .run();
    }

    @Bean
    @Order(1)
    SecurityFilterChain protocol(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService staff() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ana").password("{noop}ana-at-the-district").authorities("STAFF").build(),
                User.withUsername("bo").password("{noop}bo-at-the-district").authorities("STAFF").build(),
                User.withUsername("lee").password("{noop}lee-at-the-district").authorities("STAFF").build(),
                User.withUsername("ida").password("{noop}ida-at-the-district").authorities("STAFF").build(),
                User.withUsername(LONG_SUBJECT).password("{noop}" + passwordOf(LONG_SUBJECT)).authorities("STAFF")
                        .build());
    }

    @Bean
    RegisteredClientRepository clients(@Value("${heard.test.app}") String heard) {
        RegisteredClient app = RegisteredClient.withId(UUID.randomUUID().toString()).clientId("heard")
                .clientSecret("{noop}" + SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(heard + "/signin/sso-callback/organization")
                .postLogoutRedirectUri(heard + "/signin?signedout")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(app, script("heard-script"), script("elsewhere"),
                script("heard-facilitator"), script("heard-analyst"), script("heard-leader"), script("heard-admin"));
    }

    private static RegisteredClient script(String id) {
        return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientSecret("{noop}" + secretOf(id))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("heard").build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groups() {
        return context -> {
            String who = context.getPrincipal().getName();
            context.getClaims().claim("groups", GROUPS.getOrDefault(who, List.of()));
            if (context.getTokenType().getValue().equals("id_token")) {
                context.getClaims().claim("name", NAMES.getOrDefault(who,
                        who.substring(0, 1).toUpperCase() + who.substring(1) + " Ruiz"));
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    && !"elsewhere".equals(context.getRegisteredClient().getClientId())) {
                context.getClaims().audience(List.of(API));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** For the provider's own user-info endpoint. */
    @Bean
    JwtDecoder tokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings(@Value("${server.port}") int port) {
        return AuthorizationServerSettings.builder().issuer("http://127.0.0.1:" + port).build();
    }

}
