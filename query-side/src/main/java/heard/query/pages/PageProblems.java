package heard.query.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails shows the friendly error page, not the JSON problem the API answers with.
 * The request is not logged with it: a page's address may hold a participant's receipt token.
 */
@ControllerAdvice(assignableTypes = {InitiativePages.class, ReceiptPage.class, DecisionPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {
    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        log.error("A page failed: {}", e.getClass().getName(), e);
        return new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
