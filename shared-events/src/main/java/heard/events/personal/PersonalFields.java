package heard.events.personal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/** The {@link PersonalData} components of an event record, and a way to copy the record with them changed. */
final class PersonalFields {
    /** Changes one personal value: the component's name and its value in, the value to keep out. */
    interface Change {
        String apply(String component, String value);
    }

    private static final ClassValue<Optional<PersonalFields>> OF_TYPE = new ClassValue<>() {
        @Override
        protected Optional<PersonalFields> computeValue(Class<?> type) {
            if (!type.isRecord() || !AboutParticipant.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            RecordComponent[] components = type.getRecordComponents();
            if (Arrays.stream(components).noneMatch(PersonalFields::personal)) {
                return Optional.empty();
            }
            return Optional.of(new PersonalFields(type, components));
        }
    };

    private final RecordComponent[] components;
    private final Constructor<?> canonical;

    private PersonalFields(Class<?> type, RecordComponent[] components) {
        this.components = components;
        try {
            this.canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record has a canonical constructor", e);
        }
    }

    static Optional<PersonalFields> of(Class<?> type) {
        return OF_TYPE.get(type);
    }

    private static boolean personal(RecordComponent component) {
        if (!component.isAnnotationPresent(PersonalData.class)) {
            return false;
        }
        if (component.getType() != String.class) {
            throw new IllegalStateException("@PersonalData goes on String components only: " + component);
        }
        return true;
    }

    /** A copy of the record with every non-null personal value changed; the record itself if none is set. */
    Object copy(Object record, Change change) {
        Object[] values = new Object[components.length];
        boolean any = false;
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], record);
            if (values[i] != null && personal(components[i])) {
                values[i] = change.apply(components[i].getName(), (String) values[i]);
                any = true;
            }
        }
        if (!any) {
            return record;
        }
        try {
            return canonical.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("could not copy " + record.getClass().getSimpleName(), e);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("could not read " + component, e);
        }
    }
}
