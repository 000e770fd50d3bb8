package heard.standalone;

import heard.forms.FormTokens;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One process renders the forms and receives them, so with no {@code heard.security.form-secret}
 * it signs them with a key made at start (forms open across a restart are then refused, and
 * sent again by their users).
 */
@Configuration(proxyBeanMethods = false)
class StandaloneForms {
    @Bean
    FormTokens formTokens(@Value("${heard.security.form-secret:}") String secret,
            @Value("${heard.security.form-token-lifetime:PT8H}") Duration lifetime) {
        return secret.isBlank() ? FormTokens.withRandomKey(lifetime) : FormTokens.withSecret(secret, lifetime);
    }
}
