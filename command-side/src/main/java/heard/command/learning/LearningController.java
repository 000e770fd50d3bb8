package heard.command.learning;

import heard.limits.InputLimits;
import heard.wiring.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LearningController {
    record PublishRequest(
            @NotBlank @Size(max = InputLimits.TITLE) String title,
            @NotBlank @Size(max = InputLimits.LEARNING_TEXT) String whatWeHeard,
            @NotBlank @Size(max = InputLimits.LEARNING_TEXT) String whatWeDecided,
            @NotBlank @Size(max = InputLimits.LEARNING_TEXT) String whatWeLearned,
            @NotBlank @Size(max = InputLimits.LEARNING_TEXT) String whatsNext,
            @Size(max = InputLimits.DECISIONS_PER_LEARNING)
            List<@NotBlank @Size(max = InputLimits.ID) String> decisionIds,
            @NotNull @Size(max = InputLimits.FEEDBACK_IDS)
            List<@NotBlank @Size(max = InputLimits.ID) String> feedbackIds) {
    }

    private final CommandGateway commands;

    LearningController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Publish what was heard, decided and learned, closing the loop of the feedback it names")
    @PostMapping("/api/initiatives/{initiativeId}/learnings")
    @PreAuthorize("hasAnyRole('FACILITATOR', 'LEADER')")
    ResponseEntity<Map<String, String>> publish(@PathVariable String initiativeId,
            @Valid @RequestBody PublishRequest request, Principal principal) {
        String id = TimeOrderedIds.next();
        commands.sendAndWait(new PublishLearning(id, initiativeId, request.title(), request.whatWeHeard(),
                request.whatWeDecided(), request.whatWeLearned(), request.whatsNext(),
                request.decisionIds() == null ? List.of() : request.decisionIds(), request.feedbackIds(),
                Instant.now(), principal.getName()));
        return ResponseEntity.created(URI.create("/api/initiatives/" + initiativeId + "/learnings"))
                .body(Map.of("learningId", id));
    }
}
