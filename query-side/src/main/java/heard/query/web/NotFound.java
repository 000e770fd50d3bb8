package heard.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An unknown id: 404 as problem+json. */
public class NotFound extends ErrorResponseException {
    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " with id " + id),
                null);
    }

    /** Something known that did not exist at the time asked about: 404 too, saying why. */
    public NotFound(String what, String id, String why) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No " + what + " with id " + id + " then: " + why), null);
    }
}
