package heard.standalone;

import java.time.Duration;

/** A test's deliberate wait for time to pass (not for the app: see {@link Eventually}), usable in a lambda. */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
