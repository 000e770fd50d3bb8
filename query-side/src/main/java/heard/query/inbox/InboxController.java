package heard.query.inbox;

import heard.events.FeedbackStatus;
import heard.query.initiative.InitiativeViews;
import heard.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InboxController {
    record InboxPage(List<InboxEntry> items, int page, int size, long totalItems, int totalPages) {
    }

    static final int MAX_SIZE = 100;
    /** Far past any inbox, and near enough that the first row, page times size, is still an int to the database. */
    static final int MAX_PAGE = 1_000_000;

    private final InboxItems items;
    private final InitiativeViews initiatives;

    InboxController(InboxItems items, InitiativeViews initiatives) {
        this.items = items;
        this.initiatives = initiatives;
    }

    @Operation(summary = "The facilitator's inbox, paged, filtered by status, group or overdue")
    @GetMapping("/api/initiatives/{initiativeId}/feedback")
    @PreAuthorize("hasAnyRole('FACILITATOR', 'ANALYST')")
    InboxPage inbox(@PathVariable String initiativeId,
            @RequestParam(required = false) FeedbackStatus status,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        if (!initiatives.existsById(initiativeId)) {
            throw new NotFound("initiative", initiativeId);
        }
        Instant now = Instant.now();
        Page<InboxItem> found = items.find(initiativeId, status, group, overdue, now, PageRequest.of(page, size));
        return new InboxPage(found.map(item -> item.toEntry(now)).getContent(), page, size, found.getTotalElements(),
                found.getTotalPages());
    }
}
