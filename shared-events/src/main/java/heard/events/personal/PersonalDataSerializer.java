package heard.events.personal;

import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * Crypto-shredding as a serializer decorator: {@link PersonalData} is encrypted with its
 * participant's key on the way to the event store or Kafka and decrypted on the way back.
 * Every value written is sealed, so a stored value with the {@link PersonalCipher#PREFIX} is
 * always this class's own; one without it was stored before encryption began. Once a
 * participant is forgotten their values read as null either way, and new values are not stored at all.
 */
public final class PersonalDataSerializer implements Serializer {
    private final Serializer delegate;
    private final ParticipantKeys keys;

    public PersonalDataSerializer(Serializer delegate, ParticipantKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object == null ? null : seal(object), expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Object value = delegate.deserialize(serializedObject);
        return value == null ? null : (T) open(value);
    }

    private Object seal(Object event) {
        return PersonalFields.of(event.getClass()).map(fields -> {
            String participant = ((AboutParticipant) event).feedbackId();
            Supplier<Optional<SecretKey>> key = once(() -> keys.forWriting(participant));
            // every value, even one that looks sealed: a participant may type the stored form's prefix
            return fields.copy(event, (component, value) -> key.get()
                    .map(k -> PersonalCipher.encrypt(k, value, boundTo(participant, component))).orElse(null));
        }).orElse(event);
    }

    private Object open(Object event) {
        return PersonalFields.of(event.getClass()).map(fields -> {
            String participant = ((AboutParticipant) event).feedbackId();
            Supplier<KeyState> state = once(() -> keys.forReading(participant));
            return fields.copy(event, (component, value) -> read(participant, state, value, component));
        }).orElse(event);
    }

    private String read(String participant, Supplier<KeyState> remembered, String value, String component) {
        KeyState state = remembered.get();
        if (state.forgotten()) {
            return null;
        }
        if (!PersonalCipher.isEncrypted(value)) {
            return value;
        }
        if (state == KeyState.UNKNOWN) {
            state = keys.fresh(participant);
        }
        return state.key() == null ? null
                : PersonalCipher.decrypt(state.key(), value, boundTo(participant, component)).orElse(null);
    }

    private static String boundTo(String participant, String component) {
        return participant + "/" + component;
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
