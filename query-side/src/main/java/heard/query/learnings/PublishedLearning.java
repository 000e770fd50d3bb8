package heard.query.learnings;

import heard.query.schema.StringListConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "published_learning")
public class PublishedLearning {
    @Id
    private String learningId;
    private String initiativeId;
    private String title;
    private String whatWeHeard;
    private String whatWeDecided;
    private String whatWeLearned;
    private String whatsNext;
    @Convert(converter = StringListConverter.class)
    private List<String> decisionIds;
    private int feedbackCount;
    private Instant publishedAt;
    private String publishedBy;

    protected PublishedLearning() {
    }

    PublishedLearning(String learningId, String initiativeId, String title, String whatWeHeard, String whatWeDecided,
            String whatWeLearned, String whatsNext, List<String> decisionIds, int feedbackCount, Instant publishedAt, String publishedBy) {
        this.learningId = learningId;
        this.initiativeId = initiativeId;
        this.title = title;
        this.whatWeHeard = whatWeHeard;
        this.whatWeDecided = whatWeDecided;
        this.whatWeLearned = whatWeLearned;
        this.whatsNext = whatsNext;
        this.decisionIds = decisionIds;
        this.feedbackCount = feedbackCount;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    LearningEntry toEntry() {
        return new LearningEntry(learningId, initiativeId, title, whatWeHeard, whatWeDecided, whatWeLearned, whatsNext,
                decisionIds, feedbackCount, publishedAt, publishedBy);
    }
}
