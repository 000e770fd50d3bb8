package heard.query.receipt;

import heard.events.ReceiptTokens;
import heard.query.initiative.InitiativeView;
import heard.query.initiative.InitiativeViews;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Opens a participant's feed with their receipt token (looked up by its hash only). */
@Service
public class ReturnedLearningReader {
    private final ReceiptViews receipts;
    private final ReceiptSteps steps;
    private final InitiativeViews initiatives;

    ReturnedLearningReader(ReceiptViews receipts, ReceiptSteps steps, InitiativeViews initiatives) {
        this.receipts = receipts;
        this.steps = steps;
        this.initiatives = initiatives;
    }

    /** One snapshot for the status and the steps, so a page never shows a step its status has not reached. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ReturnedLearning> open(String receiptToken) {
        if (!ReceiptTokens.isWellFormed(receiptToken)) {
            return Optional.empty();
        }
        return receipts.findByReceiptTokenHash(ReceiptTokens.hash(receiptToken)).map(r -> new ReturnedLearning(
                r.feedbackId(), r.initiativeId(),
                initiatives.findById(r.initiativeId()).map(InitiativeView::title).orElse(null),
                r.text(), r.channel(), r.language(), r.stakeholderGroup(), r.status(), r.submittedAt(),
                r.acknowledgeBy(), r.themes(), r.forgottenAt(),
                steps.timelineOf(r.feedbackId()).stream().map(ReturnedLearning.Step::of).toList()));
    }
}
