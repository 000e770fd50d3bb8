package heard.query.receipt;

import java.util.Comparator;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReceiptSteps extends JpaRepository<ReceiptStep, String> {
    Comparator<ReceiptStep> TIMELINE = Comparator.comparing(ReceiptStep::at).thenComparing(ReceiptStep::kind);

    List<ReceiptStep> findByFeedbackId(String feedbackId);

    default List<ReceiptStep> timelineOf(String feedbackId) {
        return findByFeedbackId(feedbackId).stream().sorted(TIMELINE).toList();
    }
}
