package heard.command.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code DecisionProposed} stored before revision 2 (no revision, or "1") as revision 2:
 * such a proposal named no affected groups, so it reads with an empty list. Axon collects every
 * upcaster bean into the event store's upcaster chain.
 */
@Component
public class DecisionProposedUpcaster extends SingleEventUpcaster {
    /** The stored type name: fixed text, so that moving the class never orphans stored events. */
    static final String TYPE = "heard.events.DecisionProposed";
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode proposal && !proposal.has("affectedGroups")) {
                proposal.putArray("affectedGroups");
            }
            return payload;
        });
    }
}
