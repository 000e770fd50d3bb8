package heard.command.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks what a web form posted by the Bean Validation declarations of the API's request record, so that a
 * form and the API refuse alike. A form answers one problem at a time: the first field in error, in the
 * order the record declares its fields, which is the order the form shows them.
 */
@Component
public class FormValidation {
    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /** The name of the first field of {@code request} that breaks its declarations, or empty when none does. */
    public Optional<String> firstInvalidField(Record request) {
        List<String> fields = Arrays.stream(request.getClass().getRecordComponents()).map(RecordComponent::getName)
                .toList();
        return validator.validate(request).stream().map(FormValidation::field)
                .min(Comparator.comparingInt(fields::indexOf));
    }

    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }
}
