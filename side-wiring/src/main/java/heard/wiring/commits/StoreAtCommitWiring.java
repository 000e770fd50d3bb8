package heard.wiring.commits;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code heard.store.read-models-stored-later=true} (the standalone app), the pool's H2 connections store each
 * commit that wrote before it returns, except the read models' ({@link StoreAtCommit}); the H2 URL then leaves
 * out {@code WRITE_DELAY=0}. Another store (PostgreSQL) is left as it is: its commits reach the disk as they are.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnProperty(name = "heard.store.read-models-stored-later", havingValue = "true")
public class StoreAtCommitWiring {
    @Bean
    static BeanPostProcessor storeAtCommit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getDataSource() == null
                        && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")) {
                    pool.setDataSource(new StoreAtCommit(new DriverDataSource(pool.getJdbcUrl(),
                            pool.getDriverClassName(), new Properties(), pool.getUsername(), pool.getPassword())));
                }
                return bean;
            }
        };
    }
}
