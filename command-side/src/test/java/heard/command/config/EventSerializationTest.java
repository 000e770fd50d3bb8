package heard.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import heard.wiring.AxonInfrastructure;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every event of the wire contract survives the serializer the event store uses. The events are
 * found on the classpath, so a new event is checked the day it is added: an event is a record in
 * {@code heard.events} that says when it happened ({@code Instant at}).
 */
class EventSerializationTest {
    private static final String EVENTS_PACKAGE = "heard.events";
    private static final Instant BASE = Instant.parse("2025-03-01T09:00:00.123456Z");

    private static List<Class<? extends Record>> events;
    private final Serializer serializer = new AxonInfrastructure().serializer();

    @BeforeAll
    static void findEvents() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<? extends Record>> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENTS_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            if (type.isRecord() && saysWhenItHappened(type.asSubclass(Record.class))) {
                found.add(type.asSubclass(Record.class));
            }
        }
        found.sort(Comparator.comparing(Class::getSimpleName));
        events = List.copyOf(found);
    }

    @Test
    void findsEveryEventOfTheContract() {
        assertThat(events).extracting(Class::getSimpleName).contains(
                "InitiativeLaunched", "FeedbackSubmitted", "FeedbackAcknowledged", "UnderstandingSummarized",
                "UnderstandingConfirmed", "UnderstandingCorrected", "FeedbackThemed", "FeedbackLoopClosed",
                "LearningPublished", "ParticipantForgotten");
        assertThat(events).hasSizeGreaterThanOrEqualTo(9)
                .extracting(Class::getSimpleName).doesNotContain("StakeholderGroup");
    }

    @TestFactory
    Stream<DynamicTest> everyEventReadsBackEqualToWhatWasWritten() {
        return events.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Record event = example(type);
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object read = serializer.deserialize(serialized);
            assertThat(read).isEqualTo(event);
        }));
    }

    private static boolean saysWhenItHappened(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents())
                .anyMatch(c -> c.getName().equals("at") && c.getType() == Instant.class);
    }

    /** An instance with a different, non-default value in each component, so that swapped or lost fields show. */
    private static <R extends Record> R example(Class<R> type) {
        return example(type, type.getSimpleName());
    }

    private static <R extends Record> R example(Class<R> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(name + "." + components[i].getName(), components[i].getGenericType(), i + 1);
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build an example of " + type.getName(), e);
        }
    }

    private static Object value(String name, Type generic, int index) {
        Class<?> raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (raw == String.class) {
            return name + "-value";
        }
        if (raw == Instant.class) {
            return BASE.plusSeconds(3600L * index);
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 3, 1).plusDays(index);
        }
        if (raw == int.class || raw == Integer.class) {
            return index + 1;
        }
        if (raw == long.class || raw == Long.class) {
            return index + 1L;
        }
        if (raw == double.class || raw == Double.class) {
            return index / 8.0;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[index % constants.length];
        }
        if (raw.isRecord()) {
            return example(raw.asSubclass(Record.class), name);
        }
        if (raw == List.class && generic instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            return List.of(value(name + "[0]", element, index), value(name + "[1]", element, index + 1));
        }
        return fail("Teach this test to make a value of " + generic + " for " + name);
    }
}
