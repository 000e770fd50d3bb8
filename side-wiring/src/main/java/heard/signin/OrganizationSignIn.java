package heard.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import heard.events.StaffRole;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Single sign-on with the organization's OpenID provider (Microsoft Entra ID, Google Workspace, Keycloak…),
 * when {@code heard.security.oidc.issuer} is set: the authorization code flow with PKCE, the ID token checked
 * against the issuer's keys, and staff roles read from one claim ({@code roles-claim}, default {@code groups})
 * whose values are mapped to FACILITATOR, ANALYST, LEADER and ADMIN by {@code heard.security.oidc.roles.<ROLE>}
 * (comma-separated names; by default each role's own name). Someone the claim gives no role is not signed in.
 * The same provider's access tokens are taken as bearer tokens on the API, for the audience
 * {@code heard.security.oidc.audience} (default: the client id). Staff are known in the events by the
 * provider's stable subject ({@code sub}; {@link ProviderSubject} says how one longer than an account name is
 * shortened). The provider is first asked for its settings when someone chooses to sign in with it, not at start
 * (see {@link FromProvider}).
 */
public final class OrganizationSignIn {
    public static final String REGISTRATION = "organization";
    /** Where the sign-in page's button goes: Spring Security adds the registration's id. */
    public static final String START = "/signin/sso";
    static final String CALLBACK = "/signin/sso-callback/";

    public record Settings(String issuer, String clientId, String clientSecret, String audience, String rolesClaim,
            Map<StaffRole, Set<String>> roles) {
    }

    private OrganizationSignIn() {
    }

    public static Optional<Settings> settings(Environment environment) {
        String issuer = environment.getProperty("heard.security.oidc.issuer", "");
        if (issuer.isBlank()) {
            return Optional.empty();
        }
        String clientId = environment.getRequiredProperty("heard.security.oidc.client-id");
        Map<StaffRole, Set<String>> roles = new EnumMap<>(StaffRole.class);
        for (StaffRole role : StaffRole.values()) {
            String names = environment.getProperty("heard.security.oidc.roles." + role.name(), role.name());
            roles.put(role, Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                    .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        }
        return Optional.of(new Settings(issuer, clientId,
                environment.getProperty("heard.security.oidc.client-secret", ""),
                environment.getProperty("heard.security.oidc.audience", clientId),
                environment.getProperty("heard.security.oidc.roles-claim", "groups"), roles));
    }

    /** Adds sign-in with the provider and its bearer tokens; answers how signing out also ends the provider's session. */
    static LogoutSuccessHandler configure(HttpSecurity http, Settings settings, AuthenticationSuccessHandler signedIn,
            AuthenticationFailureHandler refused, String signedOut, ObjectMapper json) throws Exception {
        var registration = new FromProvider<>("settings", () -> ClientRegistrations
                .fromOidcIssuerLocation(settings.issuer())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}" + CALLBACK + "{registrationId}")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build(), Clock.systemUTC());
        ClientRegistrationRepository registrations = id -> REGISTRATION.equals(id)
                ? registration.get().orElse(null) : null;
        var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, START);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        GrantedAuthoritiesMapper roles = granted -> {
            Collection<GrantedAuthority> mapped = roles(settings, granted.stream()
                    .filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                    .flatMap(user -> user.getIdToken().getClaims().entrySet().stream()
                            .filter(claim -> claim.getKey().equals(settings.rolesClaim())))
                    .map(Map.Entry::getValue).findFirst().orElse(null));
            if (mapped.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), "no staff role");
            }
            return mapped;
        };
        var keys = new FromProvider<>("keys", () -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuer()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(
                    settings.issuer()), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(settings.audience()))));
            return decoder;
        }, Clock.systemUTC());
        JwtDecoder tokens = token -> keys.get().orElseThrow(ProviderUnreachable::new).decode(token);
        Converter<Jwt, AbstractAuthenticationToken> bearer = jwt -> new JwtAuthenticationToken(jwt,
                roles(settings, jwt.getClaims().get(settings.rolesClaim())),
                ProviderSubject.actor(jwt.getSubject()));
        http.addFilterBefore(new ProviderUnavailable(registration), OAuth2AuthorizationRequestRedirectFilter.class)
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .loginPage(StaffSignIn.PAGE)
                        .authorizationEndpoint(start -> start.authorizationRequestResolver(requests))
                        .redirectionEndpoint(back -> back.baseUri(CALLBACK + "*"))
                        .userInfoEndpoint(user -> user.userAuthoritiesMapper(roles)
                                .oidcUserService(ProviderSubject.users()))
                        .successHandler(signedIn).failureHandler(refused))
                .oauth2ResourceServer(api -> api.jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(bearer))
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e.getCause() instanceof ProviderUnreachable) {
                                response.setHeader("Retry-After",
                                        String.valueOf(FromProvider.RETRY_AFTER.toSeconds()));
                                StaffSignIn.problem(response, json, HttpStatus.SERVICE_UNAVAILABLE,
                                        ProviderUnreachable.DETAIL);
                            } else {
                                StaffSignIn.problem(response, json, HttpStatus.UNAUTHORIZED,
                                        "Sign in as a staff user to do this", "Bearer error=\"invalid_token\"");
                            }
                        }));
        var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}" + signedOut);
        signOut.setDefaultTargetUrl(signedOut);
        return signOut;
    }

    /** A bearer token that cannot be checked now: the provider's keys could not be read. */
    private static final class ProviderUnreachable extends BadJwtException {
        static final String DETAIL = "The organization's sign-in provider cannot be reached to check this token;"
                + " try again shortly";

        ProviderUnreachable() {
            super(DETAIL);
        }
    }

    /** The staff roles a claim's values map to: a list of names, or one string of them. */
    static Collection<GrantedAuthority> roles(Settings settings, Object claim) {
        Set<String> names = claim instanceof Collection<?> values
                ? values.stream().map(String::valueOf).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())
                : claim instanceof String value
                        ? Arrays.stream(value.split("[\\s,]+")).map(n -> n.toLowerCase(Locale.ROOT))
                                .collect(Collectors.toSet())
                        : Set.of();
        return settings.roles().entrySet().stream()
                .filter(role -> role.getValue().stream().anyMatch(names::contains))
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.getKey().name()))
                .toList();
    }
}
