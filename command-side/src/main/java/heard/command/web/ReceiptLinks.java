package heard.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where the participant's pages live: this app in standalone, the query side's URL when distributed. */
@Component
public class ReceiptLinks {
    private final String pagesUrl;

    ReceiptLinks(@Value("${heard.web.pages-url:}") String pagesUrl) {
        this.pagesUrl = pagesUrl.endsWith("/") ? pagesUrl.substring(0, pagesUrl.length() - 1) : pagesUrl;
    }

    public String pages() {
        return pagesUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : pagesUrl;
    }

    public String receiptUrl(String token) {
        return pages() + "/r/" + token;
    }
}
