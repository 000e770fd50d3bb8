package heard.query.learnings;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LearningFeedController {
    private final LearningFeed feed;

    LearningFeedController(LearningFeed feed) {
        this.feed = feed;
    }

    @Operation(summary = "The public \"you said, we did\" feed of an initiative")
    @GetMapping("/api/initiatives/{initiativeId}/learnings")
    List<LearningEntry> feed(@PathVariable String initiativeId) {
        return feed.of(initiativeId);
    }
}
