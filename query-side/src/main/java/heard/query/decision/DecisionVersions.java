package heard.query.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionVersions extends JpaRepository<DecisionVersion, String> {
    List<DecisionVersion> findByDecisionIdOrderByVersion(String decisionId);

    List<DecisionVersion> findByInitiativeId(String initiativeId);

    default java.util.Optional<DecisionVersion> find(String decisionId, int version) {
        return findById(DecisionVersion.idOf(decisionId, version));
    }
}
