package heard.query.initiative;

import heard.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InitiativeQueryController {
    private final InitiativeViews views;

    InitiativeQueryController(InitiativeViews views) {
        this.views = views;
    }

    @Operation(summary = "Every initiative, newest first")
    @GetMapping("/api/initiatives")
    List<InitiativeSummary> all() {
        return views.findAllByOrderByLaunchedAtDesc().stream().map(InitiativeSummary::of).toList();
    }

    @Operation(summary = "One initiative")
    @GetMapping("/api/initiatives/{initiativeId}")
    InitiativeSummary one(@PathVariable String initiativeId) {
        return views.findById(initiativeId).map(InitiativeSummary::of)
                .orElseThrow(() -> new NotFound("initiative", initiativeId));
    }
}
