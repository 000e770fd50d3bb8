package heard.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On H2 a rebuild's transaction sets its connection's schema (see {@link ShadowSchema#enter}). The pool
 * puts a connection's schema back when it is returned only if it knows the schema to put back, so it
 * is told, before it starts, that connections begin in H2's default schema.
 */
class PoolResetsSchema implements BeanPostProcessor {
    static final String H2_DEFAULT_SCHEMA = "PUBLIC";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:h2:") && pool.getSchema() == null) {
            pool.setSchema(H2_DEFAULT_SCHEMA);
        }
        return bean;
    }
}
