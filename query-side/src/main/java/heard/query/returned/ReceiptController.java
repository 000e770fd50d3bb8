package heard.query.returned;

import heard.query.web.ReceiptRequired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReceiptController {
    private final ReturnedLearningReader reader;

    ReceiptController(ReturnedLearningReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/receipts/me")
    ReturnedLearning mine(@RequestHeader(name = "X-Receipt-Token", required = false) String receiptToken) {
        return reader.open(receiptToken).orElseThrow(ReceiptRequired::new);
    }
}
