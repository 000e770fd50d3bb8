package heard.query.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MissedReviews extends JpaRepository<MissedReview, String> {
    List<MissedReview> findByDecisionIdOrderBySequence(String decisionId);

    List<MissedReview> findByInitiativeId(String initiativeId);
}
