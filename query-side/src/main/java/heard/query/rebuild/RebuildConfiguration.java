package heard.query.rebuild;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {
    @Bean
    static PoolResetsSchema poolResetsSchema() {
        return new PoolResetsSchema();
    }
}
