package heard.query.followup;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** For an administrator: the outbox as the API tells it, and whether each channel can send. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxPage {
    private final OutboxController outbox;

    OutboxPage(OutboxController outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/staff/outbox")
    ModelAndView outbox() {
        return new ModelAndView("staff-outbox").addObject("staffPage", true).addObject("outbox", outbox.view());
    }
}
