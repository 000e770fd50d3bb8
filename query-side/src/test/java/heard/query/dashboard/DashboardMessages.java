package heard.query.dashboard;

import heard.query.config.CountedDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * Events as a processor hands them to the dashboard: domain event messages of their aggregate (the feedback,
 * decision, indicator or initiative they name first), numbered from 0 within it in the order they are made.
 */
final class DashboardMessages {
    private static final List<String> AGGREGATES = List.of("feedbackId", "decisionId", "indicatorId", "initiativeId");
    private final Map<String, Long> next = new HashMap<>();

    EventMessage<?> next(Object event) {
        String aggregateId = aggregateOf(event);
        long sequence = next.merge(aggregateId, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateId, sequence, event);
    }

    static void handle(Object projection, EventMessage<?> message) {
        CountedDatabase.handle(projection, message);
    }

    private static String aggregateOf(Object event) {
        for (String accessor : AGGREGATES) {
            try {
                return (String) event.getClass().getMethod(accessor).invoke(event);
            } catch (NoSuchMethodException notThisOne) {
                // the next kind of aggregate
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no aggregate named in " + event);
    }
}
