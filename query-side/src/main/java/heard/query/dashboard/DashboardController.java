package heard.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import heard.query.web.ExactFigures;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live dashboard: anyone may read its last public snapshot, small counts suppressed; ANALYST and
 * ADMIN see exact figures as they stand and may export the non-personal feedback records.
 */
@RestController
class DashboardController {
    static final String CSV = "text/csv";
    private final PublicDashboard dashboards;
    private final FeedbackRecords records;
    private final ObjectMapper json;

    DashboardController(PublicDashboard dashboards, FeedbackRecords records, ObjectMapper json) {
        this.dashboards = dashboards;
        this.records = records;
        this.json = json;
    }

    @Operation(summary = "An initiative's dashboard; small counts are hidden unless read by an analyst or administrator")
    @GetMapping(value = "/api/initiatives/{initiativeId}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardView dashboard(@PathVariable String initiativeId, Authentication caller) {
        return dashboards.read(initiativeId, ExactFigures.allowedTo(caller));
    }

    @Operation(summary = "Every dashboard figure as figure,value rows")
    @GetMapping(value = {"/api/initiatives/{initiativeId}/dashboard.csv",
            "/api/initiatives/{initiativeId}/dashboard/export"}, produces = CSV)
    String dashboardCsv(@PathVariable String initiativeId, Authentication caller) {
        JsonNode figures = json.valueToTree(dashboards.read(initiativeId, ExactFigures.allowedTo(caller)));
        return DashboardCsv.of(figures);
    }

    @Operation(summary = "Non-personal records of each feedback (no text, no contact)")
    @GetMapping(value = "/api/initiatives/{initiativeId}/feedback.csv", produces = CSV)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    String feedbackCsv(@PathVariable String initiativeId) {
        return records.csv(initiativeId);
    }
}
