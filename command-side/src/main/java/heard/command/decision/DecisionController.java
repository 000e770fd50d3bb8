package heard.command.decision;

import heard.events.EngagementLevel;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import heard.limits.InputLimits;
import heard.wiring.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Leaders propose and revise decisions; leaders and analysts link evidence and assess outcomes. */
@RestController
class DecisionController {
    record Target(@NotBlank @Size(max = InputLimits.ID) String indicatorId, @NotNull Double baseline,
            @NotNull Double target) {
        IndicatorTarget toTarget() {
            return new IndicatorTarget(indicatorId, baseline, target);
        }
    }

    record ProposeRequest(
            @NotBlank @Size(max = InputLimits.TITLE) String title,
            @NotBlank @Size(max = InputLimits.HYPOTHESIS) String hypothesis,
            @NotBlank @Size(max = InputLimits.EXPECTED_OUTCOME) String expectedOutcome,
            @NotNull EngagementLevel engagementLevel,
            @NotNull LocalDate reviewBy,
            @Size(max = InputLimits.INDICATORS_PER_DECISION) List<@NotNull @Valid Target> indicators,
            @Size(max = InputLimits.FEEDBACK_IDS) List<@NotBlank @Size(max = InputLimits.ID) String> evidence,
            @Size(max = InputLimits.GROUPS) List<@NotBlank @Size(max = InputLimits.GROUP_CODE) String> affectedGroups,
            @NotBlank @Size(max = InputLimits.RATIONALE) String rationale) {
    }

    /** What a revision changes; a field left out stays as it is. */
    record Changes(
            @Size(min = 1, max = InputLimits.HYPOTHESIS) String hypothesis,
            @Size(min = 1, max = InputLimits.EXPECTED_OUTCOME) String expectedOutcome,
            EngagementLevel engagementLevel,
            LocalDate reviewBy,
            @Size(max = InputLimits.INDICATORS_PER_DECISION) List<@NotNull @Valid Target> indicators) {
    }

    record ReviseRequest(
            @NotNull Integer expectedVersion,
            @NotNull @Valid Changes changes,
            @NotBlank @Size(max = InputLimits.RATIONALE) String rationale,
            @Size(max = InputLimits.FEEDBACK_IDS) List<@NotBlank @Size(max = InputLimits.ID) String> triggeredBy) {
    }

    record EvidenceRequest(
            @NotEmpty @Size(max = InputLimits.FEEDBACK_IDS)
            List<@NotBlank @Size(max = InputLimits.ID) String> feedbackIds,
            @Size(max = InputLimits.EVIDENCE_NOTE) String note) {
    }

    record OutcomeRequest(
            @NotNull Verdict verdict,
            @NotBlank @Size(max = InputLimits.OBSERVED) String observed,
            @Size(max = InputLimits.OUTCOME_NOTE) String note) {
    }

    private final CommandGateway commands;

    DecisionController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Propose a decision as a hypothesis, with its indicators and the feedback it rests on")
    @PostMapping("/api/initiatives/{initiativeId}/decisions")
    @PreAuthorize("hasRole('LEADER')")
    ResponseEntity<Map<String, Object>> propose(@PathVariable String initiativeId,
            @Valid @RequestBody ProposeRequest request, Principal principal) {
        String id = TimeOrderedIds.next();
        commands.sendAndWait(new ProposeDecision(id, initiativeId, request.title(), request.hypothesis(),
                request.expectedOutcome(), request.engagementLevel(), request.reviewBy(),
                targets(request.indicators()), orEmpty(request.evidence()), orEmpty(request.affectedGroups()),
                request.rationale(), Instant.now(), principal.getName()));
        return ResponseEntity.created(URI.create("/api/decisions/" + id))
                .body(Map.of("decisionId", id, "version", 1));
    }

    @Operation(summary = "Revise a decision's version: what changed, why, and which feedback moved it")
    @ApiResponse(responseCode = "409", description = "A stale expectedVersion, or a decision already final",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/decisions/{decisionId}/revisions")
    @PreAuthorize("hasRole('LEADER')")
    Map<String, Object> revise(@PathVariable String decisionId, @Valid @RequestBody ReviseRequest request,
            Principal principal) {
        Changes changes = request.changes();
        int version = commands.sendAndWait(new ReviseDecision(decisionId, request.expectedVersion(),
                changes.hypothesis(), changes.expectedOutcome(), changes.engagementLevel(), changes.reviewBy(),
                changes.indicators() == null ? null : targets(changes.indicators()), request.rationale(),
                orEmpty(request.triggeredBy()), Instant.now(), principal.getName()));
        return Map.of("decisionId", decisionId, "version", version);
    }

    @Operation(summary = "Link more feedback to a decision as evidence")
    @PostMapping("/api/decisions/{decisionId}/evidence")
    @PreAuthorize("hasAnyRole('LEADER', 'ANALYST')")
    Map<String, String> linkEvidence(@PathVariable String decisionId, @Valid @RequestBody EvidenceRequest request,
            Principal principal) {
        commands.sendAndWait(new LinkEvidence(decisionId, request.feedbackIds(), request.note(), Instant.now(),
                principal.getName()));
        return Map.of("decisionId", decisionId);
    }

    @Operation(summary = "Assess a decision's outcome: supported, refuted or inconclusive")
    @ApiResponse(responseCode = "409", description = "The decision is final already",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/decisions/{decisionId}/outcome")
    @PreAuthorize("hasAnyRole('LEADER', 'ANALYST')")
    Map<String, String> assess(@PathVariable String decisionId, @Valid @RequestBody OutcomeRequest request,
            Principal principal) {
        commands.sendAndWait(new AssessOutcome(decisionId, request.verdict(), request.observed(), request.note(),
                Instant.now(), principal.getName()));
        return Map.of("decisionId", decisionId);
    }

    private static List<IndicatorTarget> targets(List<Target> targets) {
        return targets == null ? List.of() : targets.stream().map(Target::toTarget).toList();
    }

    private static List<String> orEmpty(List<String> ids) {
        return ids == null ? List.of() : ids;
    }
}
