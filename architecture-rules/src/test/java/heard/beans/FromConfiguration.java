package heard.beans;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A bean declared where the wiring is looked for. */
@Configuration(proxyBeanMethods = false)
public class FromConfiguration {
    @Bean
    public StringBuilder buffer() {
        return new StringBuilder();
    }
}
