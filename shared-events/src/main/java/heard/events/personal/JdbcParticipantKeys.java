package heard.events.personal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * The keys in table {@code participant_key} of the shared database, which the write side makes
 * and both sides read. Lookups are remembered for a short while, so a replay does not ask the
 * database once per event. A forgotten key is dropped at once here, and within {@code remember}
 * on other instances. That a participant has no key (their words were stored before encryption
 * began) is remembered too; a key made later is found by {@link #fresh} when its first sealed
 * value is read, and is looked up afresh before one is made, so two are never made.
 */
public final class JdbcParticipantKeys implements ParticipantKeys {
    private static final int MAX_REMEMBERED = 100_000;

    private record Remembered(KeyState state, Instant until) {
    }

    private final DataSource dataSource;
    private final Duration remember;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private volatile String insertKey;

    public JdbcParticipantKeys(DataSource dataSource, Duration remember, Clock clock) {
        this.dataSource = dataSource;
        this.remember = remember;
        this.clock = clock;
    }

    @Override
    public KeyState forReading(String participantId) {
        return remembered(participantId).orElseGet(() -> fresh(participantId));
    }

    @Override
    public KeyState fresh(String participantId) {
        return keep(participantId, load(participantId));
    }

    /**
     * A participant not remembered here is most often new: their key is stored if they have none, in one statement,
     * and only when they had one (or were forgotten) is it read.
     */
    @Override
    public Optional<SecretKey> forWriting(String participantId) {
        Optional<KeyState> known = remembered(participantId).filter(state -> state != KeyState.UNKNOWN);
        if (known.isPresent()) {
            return Optional.ofNullable(known.get().key());
        }
        SecretKey key = PersonalCipher.newKey();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(insertIfAbsent(connection))) {
            insert.setString(1, participantId);
            insert.setString(2, Base64.getEncoder().encodeToString(key.getEncoded()));
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.setString(4, participantId);
            if (insert.executeUpdate() == 0) {
                return Optional.ofNullable(require(participantId, null).key());
            }
        } catch (SQLException raceLost) {
            return Optional.ofNullable(require(participantId, raceLost).key());
        }
        // not remembered until read back: the transaction that stores it may still roll back
        remembered.remove(participantId);
        return Optional.of(key);
    }

    /**
     * Two writers may make a participant's first key at once; the second's insert waits for the first's transaction
     * and then finds the row. H2 fails that statement alone, and the key is read back in the same transaction;
     * PostgreSQL would end the whole transaction, so there the insert is told to do nothing instead.
     */
    private String insertIfAbsent(Connection connection) throws SQLException {
        String statement = insertKey;
        if (statement == null) {
            statement = "insert into participant_key (participant_id, secret, created_at) select ?, ?, ?"
                    + " where not exists (select 1 from participant_key where participant_id = ?)"
                    + ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                            ? " on conflict (participant_id) do nothing" : "");
            insertKey = statement;
        }
        return statement;
    }

    @Override
    public void forget(String participantId, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            int forgotten;
            try (PreparedStatement update = connection.prepareStatement(
                    "update participant_key set secret = null, forgotten_at = coalesce(forgotten_at, ?)"
                            + " where participant_id = ?")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, participantId);
                forgotten = update.executeUpdate();
            }
            if (forgotten == 0) {
                try (PreparedStatement insert = connection.prepareStatement("insert into participant_key"
                        + " (participant_id, secret, created_at, forgotten_at) values (?, null, ?, ?)")) {
                    insert.setString(1, participantId);
                    insert.setTimestamp(2, Timestamp.from(at));
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget a participant's key", e);
        }
        keep(participantId, KeyState.FORGOTTEN);
    }

    private Optional<KeyState> remembered(String participantId) {
        Remembered known = remembered.get(participantId);
        return known != null && known.until().isAfter(clock.instant()) ? Optional.of(known.state()) : Optional.empty();
    }

    /** When a key was not stored: another writer made it first (or forgot the participant), or the failure was real. */
    private KeyState require(String participantId, SQLException cause) {
        KeyState state = load(participantId);
        if (state.key() == null && !state.forgotten()) {
            throw new IllegalStateException("could not store a participant's key", cause);
        }
        return keep(participantId, state);
    }

    private KeyState load(String participantId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select secret, forgotten_at from participant_key where participant_id = ?")) {
            select.setString(1, participantId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return KeyState.UNKNOWN;
                }
                if (row.getTimestamp(2) != null) {
                    return KeyState.FORGOTTEN;
                }
                return KeyState.of(PersonalCipher.key(Base64.getDecoder().decode(row.getString(1))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a participant's key", e);
        }
    }

    private KeyState keep(String participantId, KeyState state) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(participantId, new Remembered(state, clock.instant().plus(remember)));
        return state;
    }
}
