package heard.query.returned;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReceiptDecisions extends JpaRepository<ReceiptDecision, String> {
}
