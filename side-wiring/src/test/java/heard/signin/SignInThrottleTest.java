package heard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The throttle's counts, in the table both sides' migrations make, on H2 and on PostgreSQL. */
class SignInThrottleTest {
    private static final SignInThrottle.Settings SETTINGS = new SignInThrottle.Settings(3, 5, Duration.ofMinutes(15));
    private static EmbeddedPostgres postgres;
    private final MovingClock clock = new MovingClock();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static Stream<Named<DataSource>> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sign-in-throttle;DB_CLOSE_DELAY=-1");
        return Stream.of(Named.of("H2", h2), Named.of("PostgreSQL", postgres.getPostgresDatabase()));
    }

    /** A throttle on an empty table: each test starts with no failures counted. */
    private SignInThrottle throttle(DataSource database) {
        new ResourceDatabasePopulator(new ClassPathResource("db/sessions/common/V200__sign_in_failures.sql"))
                .execute(database);
        JdbcClient.create(database).sql("delete from sign_in_failure").update();
        return new SignInThrottle(SETTINGS, clock, database);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAccountThatFailedTooOftenIsRefusedFromAnyAddressUntilTheLockoutHasPassed(DataSource database) {
        SignInThrottle throttle = throttle(database);
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

    @ParameterizedTest
    @MethodSource("databases")
    void anAddressThatFailedTooOftenIsRefusedForEveryAccount(DataSource database) {
        SignInThrottle throttle = throttle(database);
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "192.0.2.7");
        }
        assertThat(throttle.refuses("maria", "192.0.2.7")).isTrue();
        assertThat(throttle.refuses("maria", "192.0.2.8")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIpv6NetworkCountsAsOneAddress(DataSource database) {
        SignInThrottle throttle = throttle(database);
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "2001:db8:1:2::" + (i + 1));
        }
        assertThat(throttle.refuses("maria", "2001:db8:1:2:ffff::1")).isTrue();
        assertThat(throttle.refuses("maria", "2001:db8:1:3::1")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failuresFarApartDoNotAddUp(DataSource database) {
        SignInThrottle throttle = throttle(database);
        throttle.failed("maria", "10.0.0.1");
        throttle.failed("maria", "10.0.0.1");
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.refuses("maria", "10.0.0.1")).isFalse();
        assertThat(JdbcClient.create(database).sql("select count(*) from sign_in_failure").query(Integer.class)
                .single()).as("the stale counts are gone").isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSuccessClearsItsAccountButNotItsAddress(DataSource database) {
        SignInThrottle throttle = throttle(database);
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

    /** Instances on one database count the same failures: a second instance gives no more guesses. */
    @ParameterizedTest
    @MethodSource("databases")
    void instancesOnOneDatabaseCountTheSameFailures(DataSource database) {
        SignInThrottle one = throttle(database);
        SignInThrottle two = new SignInThrottle(SETTINGS, clock, database);
        one.failed("maria", "10.0.0.1");
        two.failed("maria", "10.0.0.2");
        one.failed("maria", "10.0.0.3");
        assertThat(two.refuses("maria", "10.0.0.4")).isTrue();
        assertThat(one.refuses("maria", "10.0.0.4")).isTrue();
        two.succeeded("maria");
        assertThat(one.refuses("maria", "10.0.0.4")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAddressLongerThanTheColumnIsCountedCut(DataSource database) {
        SignInThrottle throttle = throttle(database);
        String forwarded = "unknown-" + "x".repeat(300);
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, forwarded);
        }
        assertThat(throttle.refuses("maria", forwarded)).isTrue();
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
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
