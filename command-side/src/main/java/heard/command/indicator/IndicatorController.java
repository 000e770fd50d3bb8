package heard.command.indicator;

import heard.events.Direction;
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
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Analysts define an initiative's shared measurements and record their values. */
@RestController
class IndicatorController {
    record DefineRequest(
            @NotBlank @Size(max = InputLimits.INDICATOR_NAME) String name,
            @NotBlank @Size(max = InputLimits.INDICATOR_UNIT) String unit,
            @NotNull Direction direction) {
    }

    record MeasurementRequest(@NotNull Double value, @NotNull Instant at,
            @Size(max = InputLimits.GROUP_CODE) String stakeholderGroup) {
    }

    private final CommandGateway commands;

    IndicatorController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Define an indicator a decision can be judged against")
    @PostMapping("/api/initiatives/{initiativeId}/indicators")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<Map<String, String>> define(@PathVariable String initiativeId,
            @Valid @RequestBody DefineRequest request, Principal principal) {
        String id = TimeOrderedIds.next();
        commands.sendAndWait(new DefineIndicator(id, initiativeId, request.name(), request.unit(), request.direction(),
                Instant.now(), principal.getName()));
        return ResponseEntity.created(URI.create("/api/indicators/" + id)).body(Map.of("indicatorId", id));
    }

    @Operation(summary = "Record a measurement of an indicator, optionally for one group")
    @PostMapping("/api/indicators/{indicatorId}/measurements")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, String> record(@PathVariable String indicatorId, @Valid @RequestBody MeasurementRequest request,
            Principal principal) {
        String group = request.stakeholderGroup() == null || request.stakeholderGroup().isBlank()
                ? null : request.stakeholderGroup();
        commands.sendAndWait(new RecordMeasurement(indicatorId, request.value(), request.at(), group, Instant.now(),
                principal.getName()));
        return Map.of("indicatorId", indicatorId);
    }
}
