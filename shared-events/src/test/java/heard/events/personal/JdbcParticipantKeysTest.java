package heard.events.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcParticipantKeysTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private JdbcDataSource dataSource;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/keys").load().migrate();
    }

    @Test
    void makesAKeyOnFirstWriteAndKeepsIt() {
        JdbcParticipantKeys keys = keys(Duration.ofMinutes(1));

        assertThat(keys.forReading("p")).isEqualTo(KeyState.UNKNOWN);
        SecretKey made = keys.forWriting("p").orElseThrow();

        assertThat(keys.forWriting("p")).contains(made);
        assertThat(keys(Duration.ofMinutes(1)).forReading("p").key().getEncoded()).isEqualTo(made.getEncoded());
    }

    @Test
    void aForgottenKeyIsGoneForEveryReaderOnceTheyLookAgain() {
        JdbcParticipantKeys writer = keys(Duration.ofMinutes(1));
        JdbcParticipantKeys otherInstance = keys(Duration.ZERO);
        writer.forWriting("p");
        assertThat(otherInstance.forReading("p").key()).isNotNull();

        writer.forget("p", AT);

        assertThat(writer.forReading("p")).isEqualTo(KeyState.FORGOTTEN);
        assertThat(otherInstance.forReading("p")).isEqualTo(KeyState.FORGOTTEN);
        assertThat(writer.forWriting("p")).isEmpty();
    }

    @Test
    void forgettingAParticipantWithoutAKeyRemembersThatTheyWereForgotten() {
        JdbcParticipantKeys keys = keys(Duration.ofMinutes(1));

        keys.forget("never-keyed", AT);
        keys.forget("never-keyed", AT.plusSeconds(5));

        assertThat(keys(Duration.ZERO).forReading("never-keyed")).isEqualTo(KeyState.FORGOTTEN);
        assertThat(keys.forWriting("never-keyed")).isEmpty();
    }

    @Test
    void aKeyMadeByAnotherInstanceIsTheOneWrittenWith() {
        SecretKey made = keys(Duration.ofMinutes(1)).forWriting("p").orElseThrow();

        JdbcParticipantKeys otherInstance = keys(Duration.ofMinutes(1));

        assertThat(otherInstance.forWriting("p").orElseThrow().getEncoded()).isEqualTo(made.getEncoded());
        assertThat(keys(Duration.ZERO).forReading("p").key().getEncoded()).isEqualTo(made.getEncoded());
    }

    @Test
    void aParticipantForgottenByAnotherInstanceGetsNoKey() {
        keys(Duration.ofMinutes(1)).forget("p", AT);

        assertThat(keys(Duration.ofMinutes(1)).forWriting("p")).isEmpty();
        assertThat(keys(Duration.ZERO).forReading("p")).isEqualTo(KeyState.FORGOTTEN);
    }

    private JdbcParticipantKeys keys(Duration remember) {
        return new JdbcParticipantKeys(dataSource, remember, Clock.systemUTC());
    }
}
