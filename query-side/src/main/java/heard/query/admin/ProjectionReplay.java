package heard.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For an administrator who changed how a projection reads events or suspects its tables. */
@RestController
class ProjectionReplay {
    private final ProjectionRebuild rebuild;

    ProjectionReplay(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    record Replaying(String projection, boolean replaying) {
    }

    @Operation(summary = "Rebuild a read model from the whole history")
    @PostMapping("/api/admin/projections/{name}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replaying replay(@PathVariable String name) {
        rebuild.rebuild(name);
        return new Replaying(name, true);
    }
}
