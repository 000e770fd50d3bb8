package heard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void anAccountThatFailedTooOftenIsRefusedFromAnyAddressUntilTheLockoutHasPassed() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refuses("maria", "10.0.0." + i)).isFalse();
            throttle.failed("maria", "10.0.0." + i);
        }
        assertThat(throttle.refuses("maria", "10.0.0.9")).isTrue();
        assertThat(throttle.refuses("MARIA ", "10.0.0.9")).as("the same account however it is typed").isTrue();
        assertThat(throttle.refuses("jo", "10.0.0.9")).as("another account").isFalse();

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.refuses("maria", "10.0.0.9")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refuses("maria", "10.0.0.9")).isFalse();
        throttle.failed("maria", "10.0.0.9");
        assertThat(throttle.refuses("maria", "10.0.0.9")).as("the count started again").isFalse();
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "192.0.2.7");
        }
        assertThat(throttle.refuses("maria", "192.0.2.7")).isTrue();
        assertThat(throttle.refuses("maria", "192.0.2.8")).isFalse();
    }

    @Test
    void anIpv6NetworkCountsAsOneAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "2001:db8:1:2::" + (i + 1));
        }
        assertThat(throttle.refuses("maria", "2001:db8:1:2:ffff::1")).isTrue();
        assertThat(throttle.refuses("maria", "2001:db8:1:3::1")).isFalse();
    }

    @Test
    void failuresFarApartDoNotAddUp() {
        throttle.failed("maria", "10.0.0.1");
        throttle.failed("maria", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.refuses("maria", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessClearsItsAccountButNotItsAddress() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("maria", "10.0.0.1");
        }
        throttle.failed("jo", "10.0.0.1");
        throttle.failed("jo", "10.0.0.1");
        throttle.succeeded("maria");
        throttle.failed("maria", "10.0.0.2");
        throttle.failed("maria", "10.0.0.2");
        assertThat(throttle.refuses("maria", "10.0.0.3")).isFalse();
        throttle.failed("ana", "10.0.0.1");
        assertThat(throttle.refuses("ana", "10.0.0.1")).as("five failures from 10.0.0.1").isTrue();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
