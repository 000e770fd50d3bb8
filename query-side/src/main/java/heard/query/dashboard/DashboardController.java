package heard.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live dashboard: anyone may read it with small counts suppressed; ANALYST and ADMIN see
 * exact figures and may export the non-personal feedback records.
 */
@RestController
class DashboardController {
    static final String CSV = "text/csv";
    private final DashboardReader reader;
    private final FeedbackRecords records;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    DashboardController(DashboardReader reader, FeedbackRecords records, ObjectMapper json) {
        this.reader = reader;
        this.records = records;
        this.json = json;
    }

    @GetMapping(value = "/api/initiatives/{initiativeId}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardView dashboard(@PathVariable String initiativeId, Authentication caller) {
        return reader.dashboard(initiativeId, clock.instant(), DashboardReader.exactFor(caller));
    }

    @GetMapping(value = {"/api/initiatives/{initiativeId}/dashboard.csv",
            "/api/initiatives/{initiativeId}/dashboard/export"}, produces = CSV)
    String dashboardCsv(@PathVariable String initiativeId, Authentication caller) {
        JsonNode figures = json.valueToTree(reader.dashboard(initiativeId, clock.instant(), DashboardReader.exactFor(caller)));
        return DashboardCsv.of(figures);
    }

    @GetMapping(value = "/api/initiatives/{initiativeId}/feedback.csv", produces = CSV)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    String feedbackCsv(@PathVariable String initiativeId) {
        return records.csv(initiativeId);
    }
}
