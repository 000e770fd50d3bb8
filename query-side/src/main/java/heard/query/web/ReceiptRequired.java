package heard.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No receipt token, or one that opens nothing: 401 as problem+json. */
public class ReceiptRequired extends ErrorResponseException {
    public ReceiptRequired() {
        super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Send the receipt token you were given in the X-Receipt-Token header"), null);
    }
}
