package heard.query.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A replay refused, with nothing changed, because another query side holds some of the projection's segments. */
class SegmentsHeldElsewhere extends ErrorResponseException {
    SegmentsHeldElsewhere(String projection, Throwable cause) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The " + projection
                + " projection cannot be replayed while another query side applies part of it: stop every other"
                + " query side, replay, then start them again (they take their share back within seconds)"), cause);
    }
}
