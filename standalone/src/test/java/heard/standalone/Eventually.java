package heard.standalone;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for what the app does after it has answered: projections catching up, pages showing a change,
 * messages leaving. One timeout for every such wait: a wait that holds ends at the first poll that sees
 * it, so the timeout costs time only when a test fails, and it is generous because the machine running the
 * suite may be busy with other builds. A wait that must end sooner than that is a claim about speed, and
 * says so with its own {@code atMost}.
 */
public final class Eventually {
    /** How long a test waits for the app to catch up before it fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** An Awaitility wait of {@link #TIMEOUT}, polling often enough that a passing wait costs little. */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(TIMEOUT).pollInterval(POLL);
    }
}
