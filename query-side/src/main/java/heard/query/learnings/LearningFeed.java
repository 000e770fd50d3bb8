package heard.query.learnings;

import heard.query.initiative.InitiativeViews;
import heard.query.web.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class LearningFeed {
    private final PublishedLearnings learnings;
    private final InitiativeViews initiatives;

    LearningFeed(PublishedLearnings learnings, InitiativeViews initiatives) {
        this.learnings = learnings;
        this.initiatives = initiatives;
    }

    /** Newest first; an unknown initiative is a 404, one with nothing published an empty list. */
    public List<LearningEntry> of(String initiativeId) {
        if (!initiatives.existsById(initiativeId)) {
            throw new NotFound("initiative", initiativeId);
        }
        return learnings.findByInitiativeIdOrderByPublishedAtDesc(initiativeId).stream()
                .map(PublishedLearning::toEntry).toList();
    }
}
