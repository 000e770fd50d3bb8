package heard.query.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** What every page controller answers alike. */
final class Pages {
    private Pages() {
    }

    /** The friendly 404 page; the same one Spring Boot shows for an unknown address. */
    static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
