package heard.query.config;

import heard.events.InitiativeEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/** Sequences events by their initiative, for projections that keep figures per initiative. */
public class ByInitiative implements SequencingPolicy<EventMessage<?>> {
    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (!(event.getPayload() instanceof InitiativeEvent e)) {
            return event.getIdentifier();
        }
        String aggregateId = event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier() : event.getIdentifier();
        return new InitiativeSequence(e.initiativeId(), aggregateId);
    }
}
