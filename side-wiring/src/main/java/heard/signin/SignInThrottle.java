package heard.signin;

import heard.limits.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per account and per client address. Once an account has failed
 * {@code maxPerAccount} times, or an address {@code maxPerAddress} times, each failure within
 * {@code lockout} of the one before, every sign-in to that account or from that address is refused,
 * right password or not, until {@code lockout} has passed since the last failure. A success clears
 * its account's count, never its address's: one good password does not buy more guesses at others.
 * Counts are kept per instance (in memory).
 */
public final class SignInThrottle {
    /** Beyond this many accounts or addresses remembered, the stale ones are dropped first. */
    static final int MAX_REMEMBERED = 100_000;

    public record Settings(int maxPerAccount, int maxPerAddress, Duration lockout) {
        public Settings {
            if (maxPerAccount < 1 || maxPerAddress < 1 || lockout == null || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalStateException("heard.security.sign-in: max-failures-per-account and"
                        + " max-failures-per-address must be at least 1, and lockout longer than nothing");
            }
        }
    }

    private record Failures(int count, Instant last) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a sign-in to this account from this address is refused without looking at its password. */
    public boolean refuses(String account, String address) {
        Instant now = clock.instant();
        return locked(accounts.get(key(account)), settings.maxPerAccount(), now)
                || locked(addresses.get(ClientAddress.of(address)), settings.maxPerAddress(), now);
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        count(accounts, key(account), now);
        count(addresses, ClientAddress.of(address), now);
    }

    public void succeeded(String account) {
        accounts.remove(key(account));
    }

    private boolean locked(Failures failures, int max, Instant now) {
        return failures != null && failures.count() >= max && recent(failures, now);
    }

    private boolean recent(Failures failures, Instant now) {
        return failures.last().plus(settings.lockout()).isAfter(now);
    }

    private void count(Map<String, Failures> counts, String key, Instant now) {
        if (counts.size() >= MAX_REMEMBERED) {
            counts.values().removeIf(failures -> !recent(failures, now));
        }
        counts.compute(key, (k, before) -> new Failures(
                before == null || !recent(before, now) ? 1 : before.count() + 1, now));
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
