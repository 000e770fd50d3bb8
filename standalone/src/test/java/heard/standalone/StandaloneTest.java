package heard.standalone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The standalone app on a random port with a fresh, empty H2 store; one context shared by the suite.
 * The suite sends everything from one address, so the submission limit is lifted here (its own test
 * has its own context); the forms' secret is known, so that a test can sign a form that has expired.
 * The suite has one staff user beside the demo users, {@code sam}, for the sign-in tests to lock out.
 * Public dashboard figures may move as soon as they have moved far enough, without the minutes between
 * snapshots that the app otherwise waits.
 * The contexts stop at once when the fork ends: a request a test left open must not hold the fork
 * for the 30 seconds of a graceful stop (the app itself keeps stopping gracefully).
 * A test is given its {@link Api} and {@link Loop} on this app by the {@link StandaloneHarness}, and waits for the
 * app with {@link Eventually}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HeardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"heard.data-dir=target/test-data/${random.uuid}", "heard.demo-data=false",
                "heard.dashboard.live.heartbeat=PT1S", "heard.dashboard.live.public-every=PT0S",
                "heard.rate-limit.submissions.capacity=100000",
                "heard.security.form-secret=" + StandaloneTest.FORM_SECRET, "server.shutdown=immediate",
                "heard.security.users.sam.password={noop}" + StandaloneTest.SAM_PASSWORD,
                "heard.security.users.sam.roles=FACILITATOR"})
@ExtendWith(StandaloneHarness.class)
@interface StandaloneTest {
    String FORM_SECRET = "the suite's own secret for signing forms";
    /** A facilitator of the suite's own, whom the sign-in tests may lock out without touching the demo users. */
    String SAM_PASSWORD = "sam-signs-in-for-the-suite";
}
