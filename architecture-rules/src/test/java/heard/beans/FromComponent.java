package heard.beans;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** A bean declared inside a component: what the rules refuse. */
@Component
public class FromComponent {
    @Bean
    public StringBuilder buffer() {
        return new StringBuilder();
    }
}
