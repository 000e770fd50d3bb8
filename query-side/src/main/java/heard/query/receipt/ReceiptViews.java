package heard.query.receipt;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The query that opens a participant's receipt is written out, so that Hibernate keeps its plan (see ReceiptSteps). */
public interface ReceiptViews extends JpaRepository<ReceiptView, String> {
    @Query("select r from ReceiptView r where r.receiptTokenHash = :receiptTokenHash")
    Optional<ReceiptView> findByReceiptTokenHash(String receiptTokenHash);
}
