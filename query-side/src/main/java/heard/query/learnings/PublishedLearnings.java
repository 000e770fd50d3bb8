package heard.query.learnings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PublishedLearnings extends JpaRepository<PublishedLearning, String> {
    List<PublishedLearning> findByInitiativeIdOrderByPublishedAtDesc(String initiativeId);
}
