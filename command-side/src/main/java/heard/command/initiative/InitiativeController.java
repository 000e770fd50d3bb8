package heard.command.initiative;

import heard.command.web.Actor;
import heard.events.StakeholderGroup;
import heard.events.StakeholderRole;
import heard.limits.InputLimits;
import heard.wiring.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InitiativeController {
    static final int DEFAULT_ACKNOWLEDGE_WITHIN_HOURS = 72;

    record GroupRequest(
            @NotBlank @Pattern(regexp = InputLimits.GROUP_CODE_PATTERN,
                    message = "use 1 to " + InputLimits.GROUP_CODE + " letters, digits, - or _") String code,
            @NotBlank @Size(max = InputLimits.GROUP_NAME)
            @Pattern(regexp = InputLimits.ONE_LINE, message = "must be one line") String name,
            @NotNull StakeholderRole role,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double populationShare) {
    }

    record LaunchRequest(
            @NotBlank @Size(max = InputLimits.TITLE) String title,
            @NotBlank @Size(max = InputLimits.GUIDING_QUESTION) String guidingQuestion,
            @NotEmpty @Size(max = InputLimits.GROUPS) List<@NotNull @Valid GroupRequest> stakeholderGroups,
            @NotEmpty @Size(max = InputLimits.LANGUAGES) List<@NotNull
                    @Size(max = InputLimits.LANGUAGE_TAG, message = InputLimits.LANGUAGE_TAG_TOO_LONG)
                    @Pattern(regexp = InputLimits.LANGUAGE_TAG_PATTERN, message = InputLimits.LANGUAGE_TAG_MESSAGE)
                    String> languages,
            @Min(1) @Max(8760) Integer acknowledgeWithinHours) {
    }

    private final CommandGateway commands;

    InitiativeController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Launch an initiative: its guiding question and the groups whose voices it seeks")
    @PostMapping("/api/initiatives")
    @PreAuthorize("hasAnyRole('LEADER', 'ADMIN')")
    ResponseEntity<Map<String, String>> launch(@Valid @RequestBody LaunchRequest request, Principal principal) {
        String id = TimeOrderedIds.next();
        List<StakeholderGroup> groups = request.stakeholderGroups().stream()
                .map(g -> new StakeholderGroup(g.code(), g.name(), g.role(), g.populationShare()))
                .toList();
        int hours = request.acknowledgeWithinHours() == null
                ? DEFAULT_ACKNOWLEDGE_WITHIN_HOURS : request.acknowledgeWithinHours();
        commands.sendAndWait(new LaunchInitiative(id, request.title(), request.guidingQuestion(), groups,
                request.languages(), hours, Instant.now(), Actor.of(principal)));
        return ResponseEntity.created(URI.create("/api/initiatives/" + id)).body(Map.of("initiativeId", id));
    }
}
