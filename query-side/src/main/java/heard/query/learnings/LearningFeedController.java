package heard.query.learnings;

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

    @GetMapping("/api/initiatives/{initiativeId}/learnings")
    List<LearningEntry> feed(@PathVariable String initiativeId) {
        return feed.of(initiativeId);
    }
}
