package heard.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import heard.command.ratelimit.TooManySubmissions;
import heard.command.refusals.NotFound;
import heard.command.refusals.ReceiptRejected;
import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as application/problem+json (RFC 9457): bad input 400 with an {@code errors}
 * list naming each field, unknown ids 404, state conflicts 409, rule violations 422, too large 413,
 * too many anonymous submissions 429 with {@code Retry-After}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        // a value over its cap breaks a rule of what Heard keeps (422); anything else is malformed input (400)
        boolean overCaps = e.getBindingResult().getFieldErrors().stream()
                .allMatch(error -> "Size".equals(error.getCode()));
        if (overCaps) {
            ProblemDetail problem = invalid("Some fields hold more than Heard keeps", errors);
            problem.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        return ResponseEntity.badRequest().body(invalid("Some fields are missing or not valid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, PayloadTooLarge.class)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = expected(mismatch.getTargetType());
            return ResponseEntity.badRequest()
                    .body(invalid("A field has a value that cannot be read", List.of(new FieldError(field, message))));
        }
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid("Some parameters are not valid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return ResponseEntity.badRequest().body(invalid("A parameter has a value that cannot be read",
                List.of(new FieldError(field, expected(e.getRequiredType())))));
    }

    @ExceptionHandler(TooManySubmissions.class)
    ResponseEntity<ProblemDetail> tooMany(TooManySubmissions e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Nothing with id " + e.getAggregateIdentifier() + " here");
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment; read it again and retry");
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ReceiptRejected.class)
    ProblemDetail receiptRejected(ReceiptRejected e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MissingReceiptToken.class)
    ResponseEntity<ProblemDetail> missingReceipt(MissingReceiptToken e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-03-01";
        }
        if (type == Instant.class) {
            return "must be an instant such as 2026-03-01T18:00:00Z";
        }
        return "has the wrong type";
    }

    private static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

}
