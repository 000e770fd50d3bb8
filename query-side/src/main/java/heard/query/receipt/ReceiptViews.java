package heard.query.receipt;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries a participant's read runs are written out, so that Hibernate keeps their plan (see ReceiptSteps). */
public interface ReceiptViews extends JpaRepository<ReceiptView, String> {
    @Query("select r from ReceiptView r where r.receiptTokenHash = :receiptTokenHash")
    Optional<ReceiptView> findByReceiptTokenHash(String receiptTokenHash);
}
