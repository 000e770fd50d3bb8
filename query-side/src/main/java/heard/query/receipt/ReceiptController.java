package heard.query.receipt;

import heard.query.web.ReceiptRequired;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReceiptController {
    private final ReturnedLearningReader reader;

    ReceiptController(ReturnedLearningReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "The participant's returned-learning feed, opened by their receipt token")
    @GetMapping("/api/receipts/me")
    ReturnedLearning mine(@RequestHeader(name = "X-Receipt-Token", required = false) String receiptToken) {
        return reader.open(receiptToken).orElseThrow(ReceiptRequired::new);
    }
}
