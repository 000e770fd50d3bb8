package heard.query.staff;

import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrators' staff page, as JSON. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class StaffAuditController {
    private final StaffChanges changes;
    private final StaffMembers members;
    private final StaffNames names;

    StaffAuditController(StaffChanges changes, StaffMembers members, StaffNames names) {
        this.changes = changes;
        this.members = members;
        this.names = names;
    }

    @Operation(summary = "Staff accounts, who granted what and when, and the names the organization's provider gives")
    @GetMapping("/api/admin/staff")
    StaffAudit audit() {
        Map<String, String> known = new HashMap<>();
        return new StaffAudit(changes.accounts(), changes.history().stream()
                .map(c -> new StaffAudit.Change(c.accountId(), c.kind(), c.displayName(), c.roles(), c.at(), c.actor(),
                        known.computeIfAbsent(c.actor(), names::of)))
                .toList(), members.all());
    }
}
