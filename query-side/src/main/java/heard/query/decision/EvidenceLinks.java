package heard.query.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceLinks extends JpaRepository<EvidenceLink, String> {
    List<EvidenceLink> findByDecisionIdOrderBySequence(String decisionId);

    List<EvidenceLink> findByInitiativeId(String initiativeId);
}
