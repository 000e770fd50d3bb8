package heard.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.forms.FormTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Run apart, each side checks forms with the secret it shares with the pages, or does not start. */
class FormSecretTest {
    final SiteSecurity security = new SiteSecurity();

    @Test
    void withoutASecretOrWithAShortOneTheSideDoesNotStart() {
        assertThatThrownBy(() -> security.formTokens(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("heard.security.form-secret");
        assertThatThrownBy(() -> security.formTokens(new MockEnvironment()
                .withProperty("heard.security.form-secret", "too short")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDemoSecretServesOnlyTheDemoProfile() {
        MockEnvironment demo = new MockEnvironment().withProperty("heard.security.form-secret", FormTokens.DEMO_SECRET);
        demo.setActiveProfiles("demo");
        FormTokens tokens = security.formTokens(demo);
        assertThat(tokens.accepts(tokens.issue("p"), "p")).isTrue();

        MockEnvironment production = new MockEnvironment()
                .withProperty("heard.security.form-secret", FormTokens.DEMO_SECRET);
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> security.formTokens(production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo");
    }

    @Test
    void aSecretOfItsOwnSignsFormsThatThePagesSignedWithTheSameSecret() {
        String secret = "a random secret both sides were given at deployment";
        FormTokens pages = FormTokens.withSecret(secret, java.time.Duration.ofHours(8));
        FormTokens side = security.formTokens(new MockEnvironment().withProperty("heard.security.form-secret", secret));
        assertThat(side.accepts(pages.issue(FormTokens.feedbackForm("i")), FormTokens.feedbackForm("i"))).isTrue();
    }
}
