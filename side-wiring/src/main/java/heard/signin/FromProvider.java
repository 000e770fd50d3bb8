package heard.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something read from the organization's sign-in provider (its settings, its keys) when first needed rather than at
 * start, so that Heard starts, and takes feedback, while the provider cannot be reached. Once read it is kept. After
 * a read that failed, the provider is asked again no sooner than {@link #RETRY_AFTER} later: a provider that is down
 * is not asked on every click, nor does each click wait for it.
 */
final class FromProvider<T> {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(FromProvider.class);

    private final String what;
    private final Supplier<T> read;
    private final Clock clock;
    private volatile T value;
    private Instant nextTry = Instant.MIN;

    FromProvider(String what, Supplier<T> read, Clock clock) {
        this.what = what;
        this.read = read;
        this.clock = clock;
    }

    /** Empty while the provider cannot be reached. */
    Optional<T> get() {
        T known = value;
        return Optional.ofNullable(known != null ? known : read());
    }

    private synchronized T read() {
        if (value == null && !clock.instant().isBefore(nextTry)) {
            try {
                value = read.get();
                log.info("The organization's sign-in provider gave its {}", what);
            } catch (RuntimeException e) {
                nextTry = clock.instant().plus(RETRY_AFTER);
                log.warn("The organization's sign-in provider could not give its {} ({}). Staff may still sign in"
                        + " with a name and password; it is asked again when needed after {}", what, e.getMessage(),
                        nextTry);
            }
        }
        return value;
    }
}
