package heard.query.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutcomeAssessments extends JpaRepository<OutcomeAssessment, String> {
    List<OutcomeAssessment> findByDecisionIdOrderBySequence(String decisionId);

    List<OutcomeAssessment> findByInitiativeId(String initiativeId);
}
