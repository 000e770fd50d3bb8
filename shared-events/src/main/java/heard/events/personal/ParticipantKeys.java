package heard.events.personal;

import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;

/** Each participant's key. Forgetting deletes the key for good: what it encrypted cannot be read again. */
public interface ParticipantKeys {
    /** The key to encrypt with, made on first use; empty once the participant is forgotten. */
    Optional<SecretKey> forWriting(String participantId);

    /** What is known of the key, perhaps remembered from a while ago. */
    KeyState forReading(String participantId);

    /** What the store holds now: for a value sealed with a key that was not there when last asked. */
    KeyState fresh(String participantId);

    /** Deletes the key and remembers that the participant was forgotten; forgetting twice changes nothing. */
    void forget(String participantId, Instant at);
}
