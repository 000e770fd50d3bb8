package heard.signin;

import heard.limits.InputLimits;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a name and password (on the sign-in page or by HTTP Basic) unless the throttle refuses
 * the account or the address first. Every refusal is the same: it does not say whether the name,
 * the password, the account's state or the throttle was the reason.
 */
public final class ThrottledSignIn implements AuthenticationProvider {
    public static final String REFUSED = "Sign-in refused";

    private final AuthenticationProvider accounts;
    private final SignInThrottle throttle;

    public ThrottledSignIn(AuthenticationProvider accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * The staff accounts' names and passwords behind the throttle {@code heard.security.sign-in.*} sets:
     * {@code max-failures-per-account} (5), {@code max-failures-per-address} (20), {@code lockout} (15 minutes).
     */
    public static ThrottledSignIn of(UserDetailsService staff, PasswordEncoder encoder, Environment environment,
            DataSource database) {
        var accounts = new DaoAuthenticationProvider(staff);
        accounts.setPasswordEncoder(encoder);
        return new ThrottledSignIn(accounts, new SignInThrottle(new SignInThrottle.Settings(
                environment.getProperty("heard.security.sign-in.max-failures-per-account", Integer.class, 5),
                environment.getProperty("heard.security.sign-in.max-failures-per-address", Integer.class, 20),
                environment.getProperty("heard.security.sign-in.lockout", Duration.class, Duration.ofMinutes(15))),
                Clock.systemUTC(), database));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (account == null || account.length() > InputLimits.ACCOUNT_NAME) {
            // no such account can exist: counted against the address alone, never remembered under its name
            throttle.failed("", address);
            throw new BadCredentialsException(REFUSED);
        }
        if (throttle.refuses(account, address)) {
            throw new BadCredentialsException(REFUSED);
        }
        try {
            Authentication signedIn = accounts.authenticate(attempt);
            if (signedIn != null) {
                throttle.succeeded(account);
            }
            return signedIn;
        } catch (AuthenticationException e) {
            throttle.failed(account, address);
            throw new BadCredentialsException(REFUSED);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return accounts.supports(authentication);
    }
}
