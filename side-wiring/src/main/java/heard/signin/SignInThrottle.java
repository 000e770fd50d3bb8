package heard.signin;

import heard.limits.ClientAddress;
import heard.limits.InputLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins, counted per account and per client address. Once an account has failed
 * {@code maxPerAccount} times, or an address {@code maxPerAddress} times, each failure within
 * {@code lockout} of the one before, every sign-in to that account or from that address is refused,
 * right password or not, until {@code lockout} has passed since the last failure. A success clears
 * its account's count, never its address's: one good password does not buy more guesses at others.
 * The counts are kept in the database ({@code sign_in_failure}), so every instance of either side counts
 * the same failures: more instances give no more guesses.
 */
public final class SignInThrottle {
    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";

    public record Settings(int maxPerAccount, int maxPerAddress, Duration lockout) {
        public Settings {
            if (maxPerAccount < 1 || maxPerAddress < 1 || lockout == null || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalStateException("heard.security.sign-in: max-failures-per-account and"
                        + " max-failures-per-address must be at least 1, and lockout longer than nothing");
            }
        }
    }

    private record Failures(String kind, int count, long last) {
    }

    private final Settings settings;
    private final Clock clock;
    private final JdbcClient database;

    public SignInThrottle(Settings settings, Clock clock, DataSource database) {
        this.settings = settings;
        this.clock = clock;
        this.database = JdbcClient.create(database);
    }

    /** Whether a sign-in to this account from this address is refused without looking at its password. */
    public boolean refuses(String account, String address) {
        long recentAfter = clock.millis() - settings.lockout().toMillis();
        List<Failures> counted = database.sql("select kind, failures, last_failure from sign_in_failure"
                        + " where (kind = ? and counted = ?) or (kind = ? and counted = ?)")
                .params(ACCOUNT, key(account), ADDRESS, addressKey(address))
                .query((row, n) -> new Failures(row.getString(1), row.getInt(2), row.getLong(3))).list();
        return counted.stream().anyMatch(failures -> failures.last() > recentAfter && failures.count()
                >= (ACCOUNT.equals(failures.kind()) ? settings.maxPerAccount() : settings.maxPerAddress()));
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        long recentAfter = now.minus(settings.lockout()).toEpochMilli();
        count(ACCOUNT, key(account), now.toEpochMilli(), recentAfter);
        count(ADDRESS, addressKey(address), now.toEpochMilli(), recentAfter);
        database.sql("delete from sign_in_failure where last_failure <= ?").param(recentAfter).update();
    }

    public void succeeded(String account) {
        database.sql("delete from sign_in_failure where kind = ? and counted = ?").params(ACCOUNT, key(account))
                .update();
    }

    /** One more failure, or the first of a new count when the last was longer than the lockout ago. */
    private void count(String kind, String counted, long now, long recentAfter) {
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = database.sql("update sign_in_failure set failures = case when last_failure > ?"
                            + " then failures + 1 else 1 end, last_failure = ? where kind = ? and counted = ?")
                    .params(recentAfter, now, kind, counted).update();
            if (updated > 0) {
                return;
            }
            try {
                database.sql("insert into sign_in_failure (kind, counted, failures, last_failure) values (?, ?, 1, ?)")
                        .params(kind, counted, now).update();
                return;
            } catch (DuplicateKeyException another) {
                // another instance counted its first failure in between: count on top of it
            }
        }
    }

    private static String key(String account) {
        return fitted(account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return fitted(ClientAddress.of(address));
    }

    /** Longer keys cannot be account names (refused before counting); addresses that long count as one. */
    private static String fitted(String key) {
        return key.length() <= InputLimits.ACCOUNT_NAME ? key : key.substring(0, InputLimits.ACCOUNT_NAME);
    }
}
