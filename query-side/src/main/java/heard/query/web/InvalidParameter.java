package heard.query.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query parameter that cannot be read: 400 as problem+json, its {@code errors} naming the parameter. */
public class InvalidParameter extends ErrorResponseException {
    public record FieldError(String field, String message) {
    }

    public InvalidParameter(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, message), null);
    }

    private static ProblemDetail problem(String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The parameter " + parameter + " " + message);
        problem.setProperty("errors", List.of(new FieldError(parameter, message)));
        return problem;
    }
}
