package heard.query.receipt;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReceiptViews extends JpaRepository<ReceiptView, String> {
    Optional<ReceiptView> findByReceiptTokenHash(String receiptTokenHash);
}
