package heard.query.config;

import heard.events.InitiativeEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/** Sequences events by their initiative, for projections that keep figures per initiative. */
public class ByInitiative implements SequencingPolicy<EventMessage<?>> {
    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof InitiativeEvent e ? e.initiativeId() : event.getIdentifier();
    }
}
