package heard.query.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class PassingTest {
    @Test
    void aLockOrALostConnectionIsNotTheEventsFault() {
        assertThat(Passing.isPassing(new CannotAcquireLockException("deadlock"))).isTrue();
        assertThat(Passing.isPassing(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Passing.isPassing(new IllegalStateException(new SQLTransientConnectionException("gone")))).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesIs() {
        assertThat(Passing.isPassing(new DataIntegrityViolationException("value too long"))).isFalse();
        assertThat(Passing.isPassing(new UnstoredEvent(new DataIntegrityViolationException("NUL")))).isFalse();
    }
}
