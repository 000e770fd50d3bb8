package heard.events.personal;

import javax.crypto.SecretKey;

/**
 * What the store knows of a participant's key: the key, that they were forgotten, or nothing
 * (their events were stored before encryption began, so their words are in plain text).
 */
public record KeyState(SecretKey key, boolean forgotten) {
    public static final KeyState UNKNOWN = new KeyState(null, false);
    public static final KeyState FORGOTTEN = new KeyState(null, true);

    public static KeyState of(SecretKey key) {
        return new KeyState(key, false);
    }
}
