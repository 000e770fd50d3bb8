package heard.query.decision;

import heard.query.web.InvalidParameter;
import heard.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Decisions for anyone to read: now, as they stood at an instant, and how they came to be. */
@RestController
class DecisionQueryController {
    private final DecisionReader reader;

    DecisionQueryController(DecisionReader reader) {
        this.reader = reader;
    }

    /**
     * The decision now, or with {@code asOf} (an ISO-8601 instant such as 2026-03-01T09:00:00Z) as it
     * stood then; before its proposal it did not exist yet, which is a 404 like an unknown id.
     */
    @Operation(summary = "A decision as it stands, or as it stood at a given instant")
    @GetMapping("/api/decisions/{decisionId}")
    DecisionAnswer decision(@PathVariable String decisionId, @RequestParam(required = false) String asOf) {
        if (asOf == null) {
            return reader.current(decisionId).orElseThrow(() -> new NotFound("decision", decisionId));
        }
        Instant instant = instant(asOf);
        return reader.asOf(decisionId, instant).orElseThrow(() -> reader.current(decisionId).isPresent()
                ? new NotFound("decision", decisionId, "it was proposed after " + instant)
                : new NotFound("decision", decisionId));
    }

    @Operation(summary = "Every version of a decision: changes, rationale and the feedback that triggered them")
    @GetMapping("/api/decisions/{decisionId}/history")
    DecisionHistory history(@PathVariable String decisionId) {
        return reader.history(decisionId).orElseThrow(() -> new NotFound("decision", decisionId));
    }

    @Operation(summary = "An initiative's decisions")
    @GetMapping("/api/initiatives/{initiativeId}/decisions")
    List<DecisionSummary> ofInitiative(@PathVariable String initiativeId) {
        return reader.ofInitiative(initiativeId);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidParameter("asOf", "must be an ISO-8601 instant such as 2026-03-01T09:00:00Z");
            }
        }
    }
}
