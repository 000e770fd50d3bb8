package heard.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A form is checked by its request record's declarations, and names the first field in error in their order. */
class FormValidationTest {
    private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();
    private final FormValidation validation = new FormValidation(VALIDATORS.getValidator());

    record Posted(@NotBlank @Size(max = 5) String words, @NotNull Integer count,
            @Size(max = 3) @Pattern(regexp = "[a-z]*") String code) {
    }

    @AfterAll
    static void close() {
        VALIDATORS.close();
    }

    @Test
    void aFormThatKeepsEveryDeclarationHasNothingToFix() {
        assertThat(validation.firstInvalidField(new Posted("hello", 1, "abc"))).isEmpty();
    }

    @Test
    void eachDeclarationBrokenNamesItsField() {
        assertThat(validation.firstInvalidField(new Posted(" ", 1, "abc"))).hasValue("words");
        assertThat(validation.firstInvalidField(new Posted("toolong", 1, "abc"))).hasValue("words");
        assertThat(validation.firstInvalidField(new Posted("hello", null, "abc"))).hasValue("count");
        assertThat(validation.firstInvalidField(new Posted("hello", 1, "ABC"))).hasValue("code");
        assertThat(validation.firstInvalidField(new Posted("hello", 1, "abcd"))).hasValue("code");
    }

    @Test
    void severalBrokenNameTheFirstInTheRecordsOrder() {
        assertThat(validation.firstInvalidField(new Posted("", null, "ABCD"))).hasValue("words");
        assertThat(validation.firstInvalidField(new Posted("hello", null, "ABCD"))).hasValue("count");
    }
}
